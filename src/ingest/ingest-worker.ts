/**
 * An analysis worker thread: loads the pipeline once, then analyses each job
 * it is sent and answers with the results (analysis.ts). It never touches
 * the store: the ingest's own thread writes.
 */
import { parentPort } from 'node:worker_threads';
import { defaultPipeline } from '../analyze/index.ts';
import { analyseForStore, type SourcedArticle } from './analysis.ts';

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs as a worker thread');
const pipeline = defaultPipeline();
port.on('message', (msg: { id: number; articles: SourcedArticle[] }) => {
  port.postMessage({ id: msg.id, results: msg.articles.map((a) => analyseForStore(pipeline, a)) });
});
port.postMessage({ ready: true });
