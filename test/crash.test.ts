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

/** Analysis threads, kills, articles: twenty kills on one thread, and a few with two threads writing. */
const CASES = [
  [1, 20, 2000],
  [2, 3, 800],
] as const;

describe('ingest killed with SIGKILL and resumed', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-crash-input-'));
    for (const n of new Set(CASES.map((c) => c[2])))
      writeFileSync(join(dir, `articles-${n}.jsonl`), testArticlesJsonl(0, n));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [workers, kills, articles] of CASES) {
    const input = () => join(dir, `articles-${articles}.jsonl`);
    it(`ends with the store of a clean run (${workers} analysis thread${workers > 1 ? 's' : ''}, ${kills} kills)`, async () => {
      const report = await crashTest({
        input: input(),
        kills,
        workers,
        minMs: 800,
        maxMs: 2500,
        seed: workers,
      });
      assert.deepEqual(report.onlyClean, [], 'nothing lost');
      assert.deepEqual(report.onlyCrashed, [], 'nothing extra');
      assert.deepEqual(report.crashed, report.clean);
      assert.equal(report.clean.articles, articles);
      assert.ok(
        report.kills.filter((k) => k.stored !== null && k.stored < articles).length >= Math.min(kills, 10),
        `kills landed mid-ingest: ${JSON.stringify(report.kills)}`,
      );
    });
  }
});
