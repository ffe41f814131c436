/** The analysis pipeline: the default components and a ready-built pipeline. */

import { IsnadError } from '../errors.ts';
import { claimsComponent } from './claims/index.ts';
import { cliticsComponent, structureComponent, tokenizeComponent } from './components/text.ts';
import { entitiesComponent } from './entities/index.ts';
import { eventsComponent } from './events/index.ts';
import { type Component, Pipeline } from './pipeline.ts';
import { placesComponent } from './places.ts';
import { quotesComponent } from './quotes/index.ts';

export type { Article } from './doc.ts';
export { Doc, detectLanguage, recordId } from './doc.ts';
export type { Component, PipelineConfig } from './pipeline.ts';
export { Pipeline } from './pipeline.ts';

/** Every component isnad knows, by name, in the default order. */
export const COMPONENTS: readonly Component[] = [
  tokenizeComponent,
  cliticsComponent,
  structureComponent,
  quotesComponent,
  entitiesComponent,
  placesComponent,
  eventsComponent,
  claimsComponent,
];

/** Build a pipeline from component names (default: all, in order). */
export function createPipeline(names?: readonly string[]): Pipeline {
  if (!names) return Pipeline.build(COMPONENTS);
  const byName = new Map(COMPONENTS.map((c) => [c.name, c]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) {
    throw new IsnadError(
      'pipeline-config',
      `unknown component(s): ${unknown.join(', ')}; known: ${[...byName.keys()].join(', ')}`,
    );
  }
  return Pipeline.build(names.map((n) => byName.get(n)!));
}

let shared: Pipeline | null = null;
/** The default pipeline, built once. */
export function defaultPipeline(): Pipeline {
  shared ??= createPipeline();
  return shared;
}
