import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IsnadError } from '../errors.ts';
import { createPipeline, defaultPipeline } from './index.ts';
import { type Component, Pipeline } from './pipeline.ts';

const component = (
  name: string,
  requires: string[],
  provides: string[],
  run: Component['run'] = () => {},
): Component => ({
  name,
  version: '1',
  requires,
  provides,
  run,
});

describe('pipeline', () => {
  it('reports every unmet requirement at once when built', () => {
    assert.throws(
      () =>
        Pipeline.build([
          component('a', ['tokens'], ['x']),
          component('b', ['x', 'entities'], []),
          component('c', ['people'], []),
        ]),
      (err: unknown) =>
        err instanceof IsnadError &&
        err.code === 'pipeline-config' &&
        err.message.includes('"a" requires "tokens"') &&
        err.message.includes('"b" requires "entities"') &&
        err.message.includes('"c" requires "people"'),
    );
  });

  it('rejects unknown component names', () => {
    assert.throws(() => createPipeline(['tokenize', 'telepathy']), /unknown component\(s\): telepathy/);
  });

  it('turns a failing component into a diagnostic and skips what depends on it', () => {
    const p = Pipeline.build([
      component('boom', ['text'], ['x'], () => {
        throw new Error('bug');
      }),
      component('after', ['x'], ['y']),
      component('independent', ['text'], ['z'], (doc) => doc.diagnose({ code: 'ran', message: 'ran' })),
    ]);
    const r = p.analyze({ text: 'نص', meta: {} });
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['component-failed', 'component-skipped', 'ran'],
    );
  });

  it('records a version that changes with the components', () => {
    assert.notEqual(createPipeline(['tokenize']).config.version, defaultPipeline().config.version);
    assert.deepEqual(
      defaultPipeline().config.components.map((c) => c.name),
      ['tokenize', 'clitics', 'structure', 'quotes', 'entities', 'places', 'events', 'claims'],
    );
  });

  it('gives a stable id from text and url, and detects the language', () => {
    const a = defaultPipeline().analyze({ text: 'قال الوزير', meta: {} });
    const b = defaultPipeline().analyze({ text: 'قال الوزير', meta: { url: 'https://example.com/a' } });
    assert.match(a.id, /^[0-9a-f]{16}$/);
    assert.notEqual(a.id, b.id);
    assert.equal(a.id, defaultPipeline().analyze({ text: 'قال الوزير', meta: {} }).id);
    assert.equal(a.meta.language, 'ar');
    assert.equal(defaultPipeline().analyze({ text: 'plain English', meta: {} }).meta.language, 'und');
  });
});
