/**
 * Analysing articles and storing them, on this thread or on worker threads.
 *
 * Each worker thread analyses its jobs and writes them to the store itself,
 * through its own connection, one transaction a job: the writes spread over
 * the threads with the analysis, and nothing big crosses between threads (an
 * article goes in; counts come back). SQLite serialises the writers with its
 * write lock (WAL: readers never wait); PostgreSQL takes them in parallel.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Article, Doc } from '../analyze/doc.ts';
import type { Pipeline } from '../analyze/pipeline.ts';
import { type AnalysedArticle, indexEntry } from '../store/index-entry.ts';
import type { IngestError, Store } from '../store/store.ts';

export interface SourcedArticle {
  readonly article: Article;
  /** Where it came from: path, path:line, path#item, path@offset. */
  readonly source: string;
}

export type AnalysisResult =
  | { readonly ok: AnalysedArticle; readonly source: string }
  | { readonly error: { readonly code: string; readonly message: string }; readonly source: string };

export function analyseForStore(pipeline: Pipeline, a: SourcedArticle): AnalysisResult {
  try {
    const doc = pipeline.run(new Doc(a.article));
    const record = doc.toRecord();
    return {
      ok: {
        record,
        pipeline: pipeline.config.version,
        index: indexEntry(record, doc.tokens),
        json: JSON.stringify(record),
      },
      source: a.source,
    };
  } catch (err) {
    return {
      error: { code: 'analysis-failed', message: err instanceof Error ? err.message : String(err) },
      source: a.source,
    };
  }
}

/** What storing a job did. */
export interface JobOutcome {
  readonly added: number;
  /** Already stored (by another writer, or twice in the job). */
  readonly skipped: number;
  /** Articles that could not be analysed, or the whole job when it could not be written. */
  readonly errors: readonly IngestError[];
}

/** Analyse a job's articles and store them in one transaction; analysis errors are stored as errors. */
export async function analyseAndStore(
  pipeline: Pipeline,
  store: Store,
  articles: readonly SourcedArticle[],
): Promise<JobOutcome> {
  const analysed: AnalysedArticle[] = [];
  const errors: IngestError[] = [];
  for (const a of articles) {
    const r = analyseForStore(pipeline, a);
    if ('ok' in r) analysed.push(r.ok);
    else errors.push({ source: r.source, code: r.error.code, message: r.error.message });
  }
  const written = await store.write(analysed);
  if (errors.length) await store.recordErrors(errors);
  return { added: written.added, skipped: written.skipped, errors };
}

/** Default worker count: the machine's cores. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

interface Job {
  readonly id: number;
  readonly articles: readonly SourcedArticle[];
  readonly resolve: (o: JobOutcome) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly busy: Map<number, Job>;
  readonly ready: Promise<void>;
}

/**
 * Worker threads that analyse and store jobs, each job on the least busy
 * one. A worker that dies (out of memory, a crash in native code) fails only
 * the jobs it held — as errors of those articles, written by the caller — and
 * is replaced.
 */
export class IngestPool {
  private readonly workers: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    /** The store's location, opened by each worker. */
    private readonly location: string,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./ingest-worker.mjs', import.meta.url), {
      workerData: { location: this.location },
      // A larger young generation: analysis makes many short-lived objects (as bin/isnad.js sets).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    const busy = new Map<number, Job>();
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => {
      markReady = r;
    });
    const slot: Slot = { worker, busy, ready };
    worker.on('message', (msg: { ready?: boolean; id?: number; outcome?: JobOutcome }) => {
      if (msg.ready) return markReady();
      const job = busy.get(msg.id!);
      if (!job) return;
      busy.delete(msg.id!);
      job.resolve(msg.outcome!);
    });
    let dead = false;
    const fail = (err: Error) => {
      if (dead) return;
      dead = true;
      markReady();
      for (const job of busy.values())
        job.resolve({
          added: 0,
          skipped: 0,
          errors: job.articles.map((a) => ({
            source: a.source,
            code: 'analysis-failed',
            message: `the ingest worker died: ${err.message}`,
          })),
        });
      busy.clear();
      const k = this.workers.indexOf(slot);
      if (k >= 0 && !this.closed) this.workers[k] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`exit code ${code}`));
    });
    return slot;
  }

  /** Articles waiting or being analysed, over all workers. */
  get inFlight(): number {
    let n = 0;
    for (const w of this.workers) for (const job of w.busy.values()) n += job.articles.length;
    return n;
  }

  async run(articles: readonly SourcedArticle[]): Promise<JobOutcome> {
    // The job is the worker's from now on (counted before any await, so a burst of jobs spreads).
    const slot = this.workers.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const id = this.nextId++;
    const done = new Promise<JobOutcome>((resolve) => {
      slot.busy.set(id, { id, articles, resolve });
    });
    await slot.ready;
    if (slot.busy.has(id)) slot.worker.postMessage({ id, articles });
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.postMessage({ close: true })));
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              w.worker.terminate().then(() => resolve());
            }, 10_000);
            w.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
}
