/**
 * Distributed ingest on the real queue: Redis (BullMQ) between the
 * producer and two `isnad worker` processes writing to one PostgreSQL store.
 * One worker is killed with SIGKILL mid-job; every article must still end up
 * stored exactly once. And a poison job: its good article stored, its bad
 * one in the dead-letter list with its error.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { deadLetters, drained, enqueue, queueStatus, redisConnection } from '../src/queue/index.ts';
import { openStore } from '../src/store/open.ts';
import { testArticle, testArticlesJsonl } from './support/articles.ts';
import { BIN } from './support/cli.ts';
import { freshPgDatabase, REDIS_URL, skipWithoutPg, skipWithoutRedis } from './support/services.ts';

const N = 600;

interface RunningWorker {
  readonly child: ChildProcess;
  /** Jobs it has reported done so far. */
  jobs: number;
  readonly exited: Promise<number | null>;
}

function startWorker(queue: string, db: string): RunningWorker {
  const child = spawn(
    process.execPath,
    [BIN, 'worker', '--queue', REDIS_URL!, '--queue-name', queue, '--db', db, '--lock-ms', '3000'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const w: RunningWorker = {
    child,
    jobs: 0,
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
  child.stderr!.on('data', (b: Buffer) => {
    w.jobs += (b.toString().match(/^worker: job /gm) ?? []).length;
  });
  return w;
}

const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('distributed ingest', { skip: skipWithoutRedis || skipWithoutPg }, () => {
  let dir: string;
  let input: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-queue-'));
    input = join(dir, 'articles.jsonl');
    writeFileSync(input, testArticlesJsonl(0, N));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every article exactly once when a worker is killed mid-job', async () => {
    const queue = `test-${randomBytes(4).toString('hex')}`;
    const pg = await freshPgDatabase();
    const workers: RunningWorker[] = [];
    try {
      const result = await enqueue([input], REDIS_URL!, { queue, jobSize: 24 });
      assert.equal(result.enqueued, N);
      // Enqueued again: the same jobs, nothing added.
      await enqueue([input], REDIS_URL!, { queue, jobSize: 24 });
      const status = await queueStatus(REDIS_URL!, queue);
      assert.equal(status.waiting, Math.ceil(N / 24));

      workers.push(startWorker(queue, pg.url), startWorker(queue, pg.url));
      const [victim, survivor] = workers as [RunningWorker, RunningWorker];
      // Once the victim has finished a job it is at work on the next: kill it then.
      await until(() => victim.jobs >= 1, 60_000);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const done = await drained(REDIS_URL!, queue, undefined, 250);
      assert.equal(done.failed, 0);
      assert.equal(done.dead, 0);
      survivor.child.kill('SIGTERM');
      assert.equal(await survivor.exited, 0, 'the worker stops cleanly on SIGTERM');

      const store = await openStore(pg.url);
      try {
        const counts = await store.counts();
        assert.equal(counts.articles, N);
        const ids = await store.driver.all<{ n: number }>('SELECT COUNT(DISTINCT id) AS n FROM articles');
        assert.equal(Number(ids[0]!.n), N);
        // Each article's rows once: as many quotations as a single run makes.
        const perArticle = await store.driver.all<{ n: number }>(
          'SELECT COUNT(*) AS n FROM quotes GROUP BY article_seq HAVING COUNT(*) > 4',
        );
        assert.equal(perArticle.length, 0, 'no article has its quotations twice');
        assert.equal((await store.search('مدرسة', { limit: 1 })).total, N);
      } finally {
        await store.close();
      }
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await pg.drop();
    }
  });

  it('puts a poison article in the dead-letter list and stores the rest of its job', async () => {
    const queue = `test-${randomBytes(4).toString('hex')}`;
    const pg = await freshPgDatabase();
    const redis = redisConnection(REDIS_URL!);
    const q = new Queue(queue, { connection: redis });
    // A rule of the database refuses one article, on every attempt (as a store at its limits
    // would): the worker meets a real failure from PostgreSQL.
    const admin = await openStore(pg.url);
    await admin.driver.exec(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.url = 'https://example.org/poison' THEN RAISE EXCEPTION 'refused by a rule of this database'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    await admin.close();
    const worker = startWorker(queue, pg.url);
    try {
      const good = testArticle(1);
      const poison = { text: testArticle(2).text, meta: { url: 'https://example.org/poison' } };
      await q.add(
        'articles',
        {
          articles: [
            { article: { text: good.text, meta: { url: good.url } }, source: 'good' },
            { article: poison, source: 'poison' },
          ],
        },
        { attempts: 2, backoff: { type: 'fixed', delay: 100 } },
      );
      const done = await drained(REDIS_URL!, queue, undefined, 250);
      assert.equal(done.failed, 0);
      const dead = await deadLetters(REDIS_URL!, queue);
      assert.equal(dead.length, 1);
      assert.equal(dead[0]!.source, 'poison');
      assert.ok(dead[0]!.error.length > 0);
      const store = await openStore(pg.url);
      try {
        assert.equal((await store.counts()).articles, 1);
        const errors = await store.errors();
        assert.ok(errors.some((e) => e.source === 'poison' && e.code === 'dead-letter'));
      } finally {
        await store.close();
      }
    } finally {
      worker.child.kill('SIGKILL');
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
      redis.disconnect();
      await pg.drop();
    }
  });
});
