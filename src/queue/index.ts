/**
 * Distributed ingest on a real queue (BullMQ over Redis), for corpora that
 * outgrow one machine: `isnad ingest --queue URL` reads the inputs and
 * enqueues jobs of articles; any number of `isnad worker --queue URL --db
 * STORE` processes, on any machines, take jobs, analyse them and write them
 * to the store (PostgreSQL, to share one), one transaction a job.
 *
 * Delivery is at least once: a worker that dies mid-job (SIGKILL, a lost
 * machine) leaves its job's lock to expire, and the job goes back to the
 * queue for another. The store makes that exactly once in effect: an
 * article's id is the hash of its text and URL, a job is written in one
 * transaction, and an article already stored is skipped.
 *
 * A job that fails (the store unreachable, say) is retried with exponential
 * backoff. On its last attempt its articles are tried one by one: those that
 * still fail are poison, and go to the dead-letter list with their error —
 * the rest of the job is stored.
 */
import { createHash } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { defaultPipeline } from '../analyze/index.ts';
import type { Pipeline } from '../analyze/pipeline.ts';
import { IsnadError } from '../errors.ts';
import { analyseAndStore, type JobOutcome, type SourcedArticle } from '../ingest/analysis.ts';
import { identifiedArticles } from '../ingest/ingest.ts';
import type { IngestError, Store } from '../store/store.ts';

export const DEFAULT_QUEUE = 'isnad-articles';
/** Articles a job: one store transaction each. */
export const JOB_SIZE = 48;
export const ATTEMPTS = 5;
/** The first retry's delay; each later one doubles it. */
export const BACKOFF_MS = 2000;

/** A Redis URL without its password, for messages. */
export function redactRedis(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/** A connection for BullMQ (which needs maxRetriesPerRequest null for its blocking calls). */
export function redisConnection(url: string): Redis {
  if (!/^rediss?:\/\//i.test(url))
    throw new IsnadError('usage', `--queue takes a redis:// URL, not «${url}»`);
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', () => undefined); // surfaced by the command that uses it
  return redis;
}

async function connected(url: string): Promise<Redis> {
  const redis = redisConnection(url);
  try {
    await redis.connect();
    return redis;
  } catch (err) {
    redis.disconnect();
    throw new IsnadError(
      'queue-unavailable',
      `cannot reach the queue at ${redactRedis(url)}: ${(err as Error).message}`,
      {},
      { cause: err },
    );
  }
}

export interface ArticleJobData {
  readonly articles: readonly SourcedArticle[];
}

/** One dead letter: an article no attempt could store, and why. */
export interface DeadLetter {
  readonly source: string;
  readonly id: string | null;
  readonly job: string;
  readonly error: string;
  readonly at: string;
}

const deadKey = (name: string) => `isnad:${name}:dead`;

export interface EnqueueOptions {
  readonly queue?: string;
  /** Skip articles this store holds already (the producer may see the store; it need not). */
  readonly store?: Store | null;
  readonly jobSize?: number;
  readonly maxBytes?: number;
  readonly onProgress?: (p: { read: number; enqueued: number; present: number; errors: number }) => void;
}

export interface EnqueueResult {
  readonly read: number;
  readonly enqueued: number;
  readonly jobs: number;
  readonly present: number;
  readonly errors: readonly IngestError[];
}

/**
 * Enqueue the inputs' articles. A job's id is made of its articles' ids, so
 * enqueueing the same inputs again while their jobs are kept adds nothing.
 */
export async function enqueue(
  sources: readonly string[],
  url: string,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const redis = await connected(url);
  const queue = new Queue<ArticleJobData>(options.queue ?? DEFAULT_QUEUE, { connection: redis });
  const jobSize = options.jobSize ?? JOB_SIZE;
  const errors: IngestError[] = [];
  let read = 0;
  let enqueued = 0;
  let jobs = 0;
  let present = 0;
  let pending: SourcedArticle[] = [];
  let pendingIds: string[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const jobId = createHash('sha256').update(pendingIds.join(',')).digest('hex').slice(0, 24);
    await queue.add(
      'articles',
      { articles: pending },
      {
        jobId,
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
        removeOnComplete: { count: 10_000 },
        removeOnFail: false,
      },
    );
    enqueued += pending.length;
    jobs++;
    pending = [];
    pendingIds = [];
  };
  try {
    for await (const window of identifiedArticles(sources, {
      maxBytes: options.maxBytes,
      onError: (e) => errors.push(e),
    })) {
      read += window.length;
      const have = options.store ? await options.store.has(window.map((w) => w.id)) : new Set<string>();
      for (const w of window) {
        if (have.has(w.id)) {
          present++;
          continue;
        }
        pending.push(w.item);
        pendingIds.push(w.id);
        if (pending.length >= jobSize) await flush();
      }
      options.onProgress?.({ read, enqueued, present, errors: errors.length });
    }
    await flush();
    if (errors.length && options.store) await options.store.recordErrors(errors);
  } finally {
    await queue.close();
    redis.disconnect();
  }
  return { read, enqueued, jobs, present, errors };
}

export interface WorkerOptions {
  readonly queue?: string;
  /** How long a job's lock lasts without renewal: a dead worker's job returns to the queue after it. */
  readonly lockMs?: number;
  /** Told of each job done. */
  readonly onJob?: (
    o: JobOutcome & { readonly job: string; readonly articles: number; readonly dead: number },
  ) => void;
  /** Resolves the worker's run when aborted (it finishes the job in hand first). */
  readonly signal?: AbortSignal;
  readonly pipeline?: Pipeline;
}

/**
 * Take jobs from the queue until `signal` aborts: analyse each and write it
 * to `store` in one transaction. Resolves once the worker has closed.
 */
export async function runWorker(url: string, store: Store, options: WorkerOptions = {}): Promise<void> {
  const name = options.queue ?? DEFAULT_QUEUE;
  const redis = await connected(url);
  const pipeline = options.pipeline ?? defaultPipeline();
  const lockMs = options.lockMs ?? 30_000;
  // BullMQ leaves connections it was given open: both are closed here when the worker stops.
  const blocking = redis.duplicate();
  const worker = new Worker<ArticleJobData>(
    name,
    async (job) => {
      const articles = job.data.articles;
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      try {
        const outcome = await analyseAndStore(pipeline, store, articles);
        options.onJob?.({ ...outcome, job: String(job.id), articles: articles.length, dead: 0 });
        return { added: outcome.added, skipped: outcome.skipped };
      } catch (err) {
        if (!last) throw err;
        // The last attempt: one article at a time, so one poison article does not sink the rest.
        let added = 0;
        let skipped = 0;
        let dead = 0;
        const errors: IngestError[] = [];
        for (const a of articles) {
          try {
            const o = await analyseAndStore(pipeline, store, [a]);
            added += o.added;
            skipped += o.skipped;
            errors.push(...o.errors);
          } catch (one) {
            dead++;
            const letter: DeadLetter = {
              source: a.source,
              id: null,
              job: String(job.id),
              error: one instanceof Error ? one.message : String(one),
              at: new Date().toISOString(),
            };
            await redis.rpush(deadKey(name), JSON.stringify(letter));
            errors.push({ source: a.source, code: 'dead-letter', message: letter.error });
          }
        }
        await store.recordErrors(errors).catch(() => undefined);
        options.onJob?.({ added, skipped, errors, job: String(job.id), articles: articles.length, dead });
        return { added, skipped, dead };
      }
    },
    {
      connection: blocking,
      concurrency: 1,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
      maxStalledCount: 10,
    },
  );
  worker.on('error', () => undefined); // connection trouble: ioredis reconnects
  await worker.waitUntilReady();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) return resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  blocking.disconnect();
  redis.disconnect();
}

export interface QueueStatus {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly completed: number;
  readonly failed: number;
  readonly dead: number;
}

export async function queueStatus(url: string, name = DEFAULT_QUEUE): Promise<QueueStatus> {
  const redis = await connected(url);
  const queue = new Queue(name, { connection: redis });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      dead: await redis.llen(deadKey(name)),
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** The dead letters, oldest first. */
export async function deadLetters(url: string, name = DEFAULT_QUEUE, limit = 1000): Promise<DeadLetter[]> {
  const redis = await connected(url);
  try {
    return (await redis.lrange(deadKey(name), 0, limit - 1)).map((s) => JSON.parse(s) as DeadLetter);
  } finally {
    redis.disconnect();
  }
}

/** Wait until no job is waiting, active or delayed (polling); `onTick` sees each status read. */
export async function drained(
  url: string,
  name = DEFAULT_QUEUE,
  onTick?: (s: QueueStatus) => void,
  everyMs = 1000,
): Promise<QueueStatus> {
  for (;;) {
    const s = await queueStatus(url, name);
    onTick?.(s);
    if (!s.waiting && !s.active && !s.delayed) return s;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
