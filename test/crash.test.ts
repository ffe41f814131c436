/**
 * Crash safety: an ingest killed with SIGKILL at random moments and started
 * again ends with the store a clean run makes — nothing lost, nothing
 * doubled (scripts/crash-test.ts; its long form runs on the whole corpus).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crashTest } from '../scripts/crash-test.ts';
import { testArticlesJsonl } from './support/articles.ts';

describe('ingest killed with SIGKILL and resumed', () => {
  let dir: string;
  let input: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-crash-input-'));
    input = join(dir, 'articles.jsonl');
    writeFileSync(input, testArticlesJsonl(0, 800));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [workers, kills] of [
    [1, 5],
    [2, 3],
  ] as const) {
    it(`ends with the store of a clean run (${workers} analysis thread${workers > 1 ? 's' : ''}, ${kills} kills)`, async () => {
      const report = await crashTest({ input, kills, workers, minMs: 1200, maxMs: 4500, seed: workers });
      assert.deepEqual(report.onlyClean, [], 'nothing lost');
      assert.deepEqual(report.onlyCrashed, [], 'nothing extra');
      assert.deepEqual(report.crashed, report.clean);
      assert.equal(report.clean.articles, 800);
      assert.ok(
        report.kills.some((k) => k.stored !== null && k.stored > 0 && k.stored < 800),
        `at least one kill landed mid-ingest: ${JSON.stringify(report.kills)}`,
      );
    });
  }
});
