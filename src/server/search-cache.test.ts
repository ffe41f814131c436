import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultPipeline } from '../analyze/index.ts';
import { indexEntry } from '../store/index-entry.ts';
import { openStore } from '../store/open.ts';
import { SearchCache } from './search-cache.ts';

test('a search again is answered from the cache until the store changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-cache-'));
  const store = await openStore(join(dir, 'c.db'));
  const pipeline = defaultPipeline();
  const add = (text: string) => {
    const record = pipeline.analyze({ text, meta: {} });
    return store.write([{ record, pipeline: pipeline.config.version, index: indexEntry(record) }]);
  };
  try {
    await add('قال الوزير إن الحكومة العراقية تدعم الحوار.');
    const cache = new SearchCache(store);
    assert.equal((await cache.search('الحكومة', { limit: 10 })).total, 1);
    assert.equal((await cache.search('الحكومة', { limit: 10 })).total, 1);
    assert.deepEqual([cache.hits, cache.misses], [1, 1]);
    assert.equal((await cache.search('الحكومة', { limit: 5 })).total, 1, 'other options, another entry');
    assert.equal(cache.misses, 2);
    await add('وأعلنت الحكومة السورية عن خطة جديدة.');
    assert.equal((await cache.search('الحكومة', { limit: 10 })).total, 2, 'a write makes it search again');
    assert.equal(cache.misses, 3);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
