/**
 * The queue's commands: `ingest --queue` (enqueue), `worker`, and `queue`
 * (status and dead letters). See src/queue/index.ts for how delivery works.
 */
import { deadLetters, drained, enqueue, queueStatus, redactRedis, runWorker } from '../queue/index.ts';
import { DEFAULT_DB, openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { LineWriter } from './output.ts';
import type { IngestCommandOptions } from './store-commands.ts';
import { withStore } from './store-commands.ts';

export async function runEnqueue(
  sources: readonly string[],
  opts: IngestCommandOptions & { readonly queue: string },
): Promise<number> {
  const go = async (store: Store | null) => {
    const result = await enqueue(sources.length ? sources : ['-'], opts.queue, {
      queue: opts.queueName,
      store,
      jobSize: opts.batch,
      maxBytes: opts.maxBytes,
      onProgress: (p) => {
        if (process.stderr.isTTY)
          process.stderr.write(
            `\r\u001b[2Kenqueue: ${p.enqueued} enqueued · ${p.present} stored already · ${p.errors} errors`,
          );
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const out = new LineWriter();
    for (const e of result.errors) process.stderr.write(`isnad ingest: ${e.source}: ${e.message}\n`);
    let final = null;
    if (opts.wait)
      final = await drained(opts.queue, opts.queueName, (s) => {
        if (process.stderr.isTTY)
          process.stderr.write(
            `\r\u001b[2Kqueue: ${s.waiting} waiting · ${s.active} active · ${s.completed} done · ${s.failed} failed · ${s.dead} dead`,
          );
      });
    if (opts.wait && process.stderr.isTTY) process.stderr.write('\n');
    const summary = {
      ...result,
      errors: result.errors.length,
      queue: redactRedis(opts.queue),
      status: final,
    };
    await out.line(
      opts.json
        ? JSON.stringify(summary)
        : `${result.enqueued} articles enqueued in ${result.jobs} jobs on ${summary.queue}, ${result.present} stored already, ${result.errors.length} errors${final ? `; the queue is drained (${final.failed} jobs failed, ${final.dead} dead letters)` : ''}`,
    );
    return result.errors.length ? 1 : 0;
  };
  return opts.db ? withStore(opts.db, go) : go(null);
}

export interface WorkerCommandOptions {
  readonly queue: string;
  readonly db?: string;
  readonly queueName?: string;
  readonly lockMs?: number;
}

export async function runQueueWorker(opts: WorkerCommandOptions): Promise<number> {
  const store = await openStore(opts.db ?? DEFAULT_DB);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let jobs = 0;
  let stored = 0;
  const started = performance.now();
  process.stderr.write(`worker: taking jobs from ${redactRedis(opts.queue)} into ${store.location}\n`);
  try {
    await runWorker(opts.queue, store, {
      queue: opts.queueName,
      lockMs: opts.lockMs,
      signal: stop.signal,
      onJob: (o) => {
        jobs++;
        stored += o.added;
        const rate = stored / ((performance.now() - started) / 1000);
        process.stderr.write(
          `worker: job ${o.job}: ${o.added} stored, ${o.skipped} already there, ${o.errors.length} errors${o.dead ? `, ${o.dead} dead letters` : ''} (${jobs} jobs, ${stored} articles, ${rate.toFixed(0)}/s)\n`,
        );
      },
    });
  } finally {
    await store.close();
  }
  process.stderr.write(`worker: stopped after ${jobs} jobs, ${stored} articles stored\n`);
  return 0;
}

export async function runQueueStatus(opts: {
  queue: string;
  queueName?: string;
  dead?: boolean;
  json?: boolean;
}): Promise<number> {
  const out = new LineWriter();
  if (opts.dead) {
    for (const d of await deadLetters(opts.queue, opts.queueName))
      await out.line(opts.json ? JSON.stringify(d) : `${d.at}  ${d.source}  job ${d.job}  ${d.error}`);
    return 0;
  }
  const s = await queueStatus(opts.queue, opts.queueName);
  await out.line(
    opts.json
      ? JSON.stringify(s)
      : `${s.waiting} waiting, ${s.active} active, ${s.delayed} delayed (retrying), ${s.completed} completed, ${s.failed} failed, ${s.dead} dead letters`,
  );
  return 0;
}
