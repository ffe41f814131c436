/**
 * Analysing articles for the store, on this thread or on worker threads.
 *
 * Worker threads only analyse: each job's articles go in, and what the store
 * needs comes back (the record as JSON, its search terms, the pipeline
 * version). One writer — the thread that runs the ingest — stores them.
 * SQLite takes one writer at a time anyway: writers on several threads
 * would wait for each other's lock instead of analysing, and each would hold
 * its own connection and caches. Processes on other machines (the queue's
 * workers) analyse and write for themselves (analyseAndStore).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Article, Doc } from '../analyze/doc.ts';
import type { Pipeline } from '../analyze/pipeline.ts';
import type { ArticleRecord } from '../record/types.ts';
import { type AnalysedArticle, type IndexEntry, indexEntry } from '../store/index-entry.ts';
import type { IngestError, Store } from '../store/store.ts';

export interface SourcedArticle {
  readonly article: Article;
  /** Where it came from: path, path:line, path#item, path@offset. */
  readonly source: string;
}

/** An analysed article as it crosses between threads: plain data, the record as JSON. */
export interface AnalysedMessage {
  readonly json: string;
  readonly pipeline: string;
  readonly index: IndexEntry;
}

export type AnalysisResult =
  | { readonly ok: AnalysedMessage; readonly source: string }
  | { readonly error: { readonly code: string; readonly message: string }; readonly source: string };

export function analyseForStore(pipeline: Pipeline, a: SourcedArticle): AnalysisResult {
  try {
    const doc = pipeline.run(new Doc(a.article));
    const record = doc.toRecord();
    return {
      ok: {
        json: JSON.stringify(record),
        pipeline: pipeline.config.version,
        index: indexEntry(record, doc.tokens),
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

/** The store's view of an analysed article. */
export function forStore(m: AnalysedMessage): AnalysedArticle {
  return { record: JSON.parse(m.json) as ArticleRecord, pipeline: m.pipeline, index: m.index, json: m.json };
}

/** What storing a job did. */
export interface JobOutcome {
  readonly added: number;
  /** Already stored (by another writer, or twice in the job). */
  readonly skipped: number;
  /** Articles that could not be analysed, or the whole job when it could not be written. */
  readonly errors: readonly IngestError[];
}

/** Store a job's analysis results in one transaction; analysis errors are stored as errors. */
export async function storeResults(store: Store, results: readonly AnalysisResult[]): Promise<JobOutcome> {
  const analysed: AnalysedArticle[] = [];
  const errors: IngestError[] = [];
  for (const r of results) {
    if ('ok' in r) analysed.push(forStore(r.ok));
    else errors.push({ source: r.source, code: r.error.code, message: r.error.message });
  }
  const written = await store.write(analysed);
  if (errors.length) await store.recordErrors(errors);
  return { added: written.added, skipped: written.skipped, errors };
}

/** Analyse a job's articles here and store them in one transaction. */
export async function analyseAndStore(
  pipeline: Pipeline,
  store: Store,
  articles: readonly SourcedArticle[],
): Promise<JobOutcome> {
  return storeResults(
    store,
    articles.map((a) => analyseForStore(pipeline, a)),
  );
}

/** Default worker count: the machine's cores. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

interface Job {
  readonly articles: readonly SourcedArticle[];
  readonly resolve: (results: AnalysisResult[]) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly busy: Map<number, Job>;
  readonly ready: Promise<void>;
}

/**
 * Old-generation heap of one analysis thread, in MB. Its caches fill to
 * about 200 MB; without a bound V8 lets the heap grow to several times its
 * live size before it collects, in every thread.
 */
const WORKER_HEAP_MB = (() => {
  const n = Number(process.env.ISNAD_WORKER_HEAP_MB);
  return Number.isInteger(n) && n >= 128 ? n : 512;
})();

/**
 * Worker threads that analyse jobs, each job on the least busy one. A worker
 * that dies (out of memory, a crash in native code) fails only the jobs it
 * held — as errors of those articles — and is replaced.
 */
export class AnalysisPool {
  private readonly workers: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./ingest-worker.mjs', import.meta.url), {
      // A larger young generation: analysis makes many short-lived objects (as bin/isnad.js
      // sets); a bounded old one, so V8 collects instead of growing the heap it keeps.
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const busy = new Map<number, Job>();
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => {
      markReady = r;
    });
    const slot: Slot = { worker, busy, ready };
    worker.on('message', (msg: { ready?: boolean; id?: number; results?: AnalysisResult[] }) => {
      if (msg.ready) return markReady();
      const job = busy.get(msg.id!);
      if (!job) return;
      busy.delete(msg.id!);
      job.resolve(msg.results!);
    });
    let dead = false;
    const fail = (err: Error) => {
      if (dead) return;
      dead = true;
      markReady();
      for (const job of busy.values())
        job.resolve(
          job.articles.map((a) => ({
            source: a.source,
            error: { code: 'analysis-failed', message: `the analysis thread died: ${err.message}` },
          })),
        );
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

  async run(articles: readonly SourcedArticle[]): Promise<AnalysisResult[]> {
    // The job is the worker's from now on (counted before any await, so a burst of jobs spreads).
    const slot = this.workers.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const id = this.nextId++;
    const done = new Promise<AnalysisResult[]>((resolve) => {
      slot.busy.set(id, { articles, resolve });
    });
    await slot.ready;
    if (slot.busy.has(id)) slot.worker.postMessage({ id, articles });
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
