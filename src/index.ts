/**
 * isnad as a library: analyse Arabic news articles into article records.
 *
 *   import { defaultPipeline } from 'isnad';
 *   const record = defaultPipeline().analyze({ text, meta: {} });
 */
export { type Article, createPipeline, Doc, defaultPipeline, Pipeline } from './analyze/index.ts';
export { IsnadError } from './errors.ts';
export * as ingest from './ingest/index.ts';
export * as record from './record/index.ts';
export * as text from './text/index.ts';
