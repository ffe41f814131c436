import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipeline } from './index.ts';
import { boundMeta, META_LIMITS } from './meta.ts';

describe('article metadata', () => {
  it('cuts what is too long and drops what is no string, saying so', () => {
    const { meta, diagnostics } = boundMeta({
      title: 'خبر '.repeat(1000),
      outlet: 'BBC',
      published: { when: 'tomorrow' } as unknown as string,
      extra: 42,
    } as Record<string, unknown>);
    assert.equal(meta.title!.length, META_LIMITS.title);
    assert.equal(meta.outlet, 'BBC');
    assert.equal(meta.published, undefined);
    assert.equal((meta as Record<string, unknown>).extra, 42, 'fields it does not know are kept');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['meta-cut', 'meta-dropped'],
    );
  });

  it('is applied to every analysed article', () => {
    const record = defaultPipeline().analyze({
      text: 'قال الوزير إن الحكومة ستعمل.',
      meta: { outlet: 'x'.repeat(5000) },
    });
    assert.equal(record.meta.outlet!.length, META_LIMITS.outlet);
    assert.ok(record.diagnostics.some((d) => d.code === 'meta-cut'));
  });
});
