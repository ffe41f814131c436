// Entry of an ingest worker thread: the sources are TypeScript, so the
// thread registers tsx's loader (as bin/isnad.js does for the main thread)
// before it loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
