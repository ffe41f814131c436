/**
 * An ingest worker thread: opens the store, then analyses and stores each
 * job it is sent, one transaction a job, one job at a time, and answers with
 * what the job did. A job that cannot be written comes back as errors of its
 * articles (the caller records them); the worker goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultPipeline } from '../analyze/index.ts';
import { openStore } from '../store/open.ts';
import { analyseAndStore, type JobOutcome, type SourcedArticle } from './analysis.ts';

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs as a worker thread');
const { location } = workerData as { location: string };
const store = await openStore(location, { poolSize: 2 });
const pipeline = defaultPipeline();
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: { id?: number; articles?: SourcedArticle[]; close?: boolean }) => {
  queue = queue.then(async () => {
    if (msg.close) {
      await store.close();
      port.close();
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await analyseAndStore(pipeline, store, msg.articles!);
    } catch (err) {
      const message = `could not be stored: ${err instanceof Error ? err.message : String(err)}`;
      outcome = {
        added: 0,
        skipped: 0,
        errors: msg.articles!.map((a) => ({ source: a.source, code: 'store-failed', message })),
      };
    }
    port.postMessage({ id: msg.id, outcome });
  });
});
port.postMessage({ ready: true });
