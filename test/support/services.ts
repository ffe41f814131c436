/**
 * The services integration tests use, as `.ci/run` starts them
 * (scripts/test-services.sh): PostgreSQL at ISNAD_TEST_PG, Redis at
 * ISNAD_TEST_REDIS. Without them a test skips with a message saying how to
 * start them; CI always has them.
 */
import { randomBytes } from 'node:crypto';

export const PG_URL = process.env.ISNAD_TEST_PG;
export const REDIS_URL = process.env.ISNAD_TEST_REDIS;

const HOW = 'run eval "$(scripts/test-services.sh start)" first (.ci/run does)';
export const skipWithoutPg: false | string = PG_URL
  ? false
  : `needs PostgreSQL: ISNAD_TEST_PG is not set; ${HOW}`;
export const skipWithoutRedis: false | string = REDIS_URL
  ? false
  : `needs Redis: ISNAD_TEST_REDIS is not set; ${HOW}`;

/** A fresh, empty database on the test server: its URL, and a function that drops it. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error('ISNAD_TEST_PG is not set');
  const { default: pg } = await import('pg');
  const name = `isnad_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
