/**
 * `isnad ingest`: sources in, records stored. This thread reads the inputs,
 * computes each article's id (the hash of its text and URL, known before any
 * analysis), asks the store which it has already, sends the rest in jobs to
 * worker threads that analyse them (analysis.ts), and writes what comes back,
 * one job a transaction, one job at a time.
 *
 * Nothing is lost or doubled by a crash: a job is committed whole or not at
 * all, and a run started again skips what was committed (without analysing
 * it) and does the rest. Errors are recorded per article in the store, once
 * per source and code, and never stop the run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultPipeline, recordId } from '../analyze/index.ts';
import type { IngestError, Store } from '../store/store.ts';
import {
  AnalysisPool,
  type AnalysisResult,
  analyseForStore,
  type JobOutcome,
  type SourcedArticle,
  storeResults,
} from './analysis.ts';
import { readInputs } from './inputs.ts';

export interface IngestOptions {
  /** Analysis threads; 0 analyses and writes on this thread. */
  readonly workers: number;
  /** Articles per job (one write transaction each). */
  readonly jobSize?: number;
  /** Told of progress as it happens. */
  readonly onProgress?: (p: IngestProgress) => void;
  readonly maxBytes?: number;
}

export interface IngestProgress {
  /** Articles read from the inputs. */
  readonly read: number;
  /** Newly stored by this run. */
  readonly stored: number;
  /** Already in the store (or earlier in the inputs): not analysed again. */
  readonly present: number;
  /** Inputs and articles that failed (recorded in the store's errors). */
  readonly errors: number;
  readonly bytesRead: number;
  /** Total bytes of the inputs, when known (for an ETA). */
  readonly bytesTotal: number | null;
  readonly elapsedMs: number;
  readonly done: boolean;
}

const WINDOW = 128; // articles looked up in the store at once
/**
 * At most this many articles a write transaction. Analyses that finish while
 * a write runs are written together in the next: a few large transactions
 * cost far less than many small ones (the index pages they touch are shared).
 */
const WRITE_GROUP = 384;

/** Writes analysis results one transaction at a time, each taking all that has come in since the last. */
class GroupWriter {
  private queue: { results: readonly AnalysisResult[]; done: () => void }[] = [];
  private active = false;

  constructor(
    private readonly store: Store,
    private readonly maxArticles: number,
    private readonly onOutcome: (o: JobOutcome) => void,
  ) {}

  /** Resolves once the results are written (or recorded as failed): never rejects. */
  add(results: readonly AnalysisResult[]): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.queue.push({ results, done: resolve });
    });
    if (!this.active) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.active = true;
    while (this.queue.length) {
      const group: typeof this.queue = [];
      let n = 0;
      while (this.queue.length && (n === 0 || n + this.queue[0]!.results.length <= this.maxArticles)) {
        const next = this.queue.shift()!;
        group.push(next);
        n += next.results.length;
      }
      const results = group.flatMap((g) => g.results);
      let outcome: JobOutcome;
      try {
        outcome = await storeResults(this.store, results);
      } catch (err) {
        const message = `could not be stored: ${err instanceof Error ? err.message : String(err)}`;
        outcome = {
          added: 0,
          skipped: 0,
          errors: results.map((r) => ({ source: r.source, code: 'store-failed', message })),
        };
      }
      this.onOutcome(outcome);
      for (const g of group) g.done();
    }
    this.active = false;
  }
}

export async function ingest(
  sources: readonly string[],
  store: Store,
  options: IngestOptions,
): Promise<IngestProgress> {
  const started = performance.now();
  const jobSize = options.jobSize ?? 48;
  const workers = options.workers;
  const pool = workers > 0 ? new AnalysisPool(workers) : null;
  // Jobs queued at the analysis threads, and what waits to be written (a write group's worth).
  const maxInFlight = Math.max(2, workers * 2) * jobSize + WRITE_GROUP;
  let read = 0;
  let stored = 0;
  let present = 0;
  let errors = 0;
  let bytesRead = 0;
  const bytesTotal = await totalBytes(sources);
  const progress = (done = false): IngestProgress => ({
    read,
    stored,
    present,
    errors,
    bytesRead,
    bytesTotal,
    elapsedMs: performance.now() - started,
    done,
  });
  let lastReport = 0;
  const report = () => {
    const now = performance.now();
    if (options.onProgress && now - lastReport > 200) {
      lastReport = now;
      options.onProgress(progress());
    }
  };

  // Errors are written from this thread, a batch at a time (recording one again changes nothing).
  let failed: IngestError[] = [];
  const recordFailed = async () => {
    const batch = failed;
    failed = [];
    if (batch.length) await store.recordErrors(batch);
  };
  const fail = (e: IngestError) => {
    errors++;
    failed.push(e);
  };

  /** Articles sent and not yet stored: a second copy of one of them is present, not new. */
  const inFlightIds = new Set<string>();
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  const pipeline = pool ? null : defaultPipeline();
  const writer = new GroupWriter(store, WRITE_GROUP, (o) => {
    stored += o.added;
    present += o.skipped;
    for (const e of o.errors) fail(e);
    report();
  });
  const submit = (job: IdentifiedArticle[]) => {
    inFlight += job.length;
    const articles = job.map((j) => j.item);
    const analysed: Promise<AnalysisResult[]> = pool
      ? pool.run(articles)
      : Promise.resolve(articles.map((a) => analyseForStore(pipeline!, a)));
    const p = analysed
      .then((results) => writer.add(results))
      .then(() => {
        inFlight -= job.length;
        for (const j of job) inFlightIds.delete(j.id);
      });
    running.add(p);
    p.finally(() => running.delete(p));
  };

  const drainWindow = async (w: readonly IdentifiedArticle[]) => {
    const have = await store.has(w.map((x) => x.id));
    let job: IdentifiedArticle[] = [];
    for (const x of w) {
      if (have.has(x.id) || inFlightIds.has(x.id)) {
        present++;
        continue;
      }
      inFlightIds.add(x.id);
      job.push(x);
      if (job.length === jobSize) {
        submit(job);
        job = [];
      }
    }
    if (job.length) submit(job);
    // Backpressure: the inputs wait while the workers are behind.
    while (inFlight > maxInFlight && running.size) await Promise.race(running);
    if (failed.length >= 100) await recordFailed();
    report();
  };

  try {
    for await (const w of identifiedArticles(sources, {
      maxBytes: options.maxBytes,
      onRead: (n) => {
        bytesRead += n;
      },
      onError: fail,
    })) {
      read += w.length;
      await drainWindow(w);
    }
    while (running.size) await Promise.race(running);
    await recordFailed();
  } finally {
    await pool?.close();
  }
  const final = progress(true);
  options.onProgress?.(final);
  return final;
}

/** An article read from the inputs, with its id (the hash of its text and URL). */
export interface IdentifiedArticle {
  readonly id: string;
  readonly item: SourcedArticle;
}

/**
 * The inputs' articles with their ids, WINDOW at a time (what one look-up in
 * the store checks); inputs that cannot be read go to `onError`.
 */
export async function* identifiedArticles(
  sources: readonly string[],
  options: { maxBytes?: number; onRead?: (bytes: number) => void; onError: (e: IngestError) => void },
): AsyncGenerator<IdentifiedArticle[]> {
  let window: IdentifiedArticle[] = [];
  for await (const item of readInputs(sources, {
    directories: 'expand',
    maxBytes: options.maxBytes,
    onRead: options.onRead,
  })) {
    if (item.kind === 'error') {
      options.onError({ source: item.source, code: item.error.code, message: item.error.message });
      continue;
    }
    window.push({ id: recordId(item.article.text, item.article.meta.url), item });
    if (window.length >= WINDOW) {
      yield window;
      window = [];
    }
  }
  if (window.length) yield window;
}

/** The inputs' total size in bytes (folders summed), or null when one cannot be known (stdin). */
export async function totalBytes(sources: readonly string[]): Promise<number | null> {
  let total = 0;
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p);
    if (!s.isDirectory()) total += s.size;
    else for (const e of await readdir(p)) if (!e.startsWith('.')) await walk(join(p, e));
  };
  try {
    for (const s of sources) {
      if (s === '-') return null;
      await walk(s);
    }
  } catch {
    return null;
  }
  return total;
}
