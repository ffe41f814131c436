/**
 * Opening a store by where it is: a `postgres://` (or `postgresql://`) URL
 * is PostgreSQL, anything else a SQLite file (created when missing; default
 * ./isnad.db). Engines are loaded only when used, so the analysis alone
 * needs neither.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IsnadError } from '../errors.ts';
import { PostgresDriver, SqliteDriver } from './driver.ts';
import { Store } from './store.ts';

export const DEFAULT_DB = './isnad.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A URL without its password, for messages and logs. */
export function redact(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

export interface OpenOptions {
  /** SQLite: milliseconds to wait for another writer's lock. */
  readonly busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool. */
  readonly poolSize?: number;
}

export async function openStore(location = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 4 });
    pool.on('error', () => undefined); // an idle client's error surfaces on its next query
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new IsnadError(
        'store-unavailable',
        `cannot connect to ${redact(location)}: ${(err as Error).message}`,
        {},
        { cause: err },
      );
    }
    return Store.open(new PostgresDriver(pool, pool), redact(location));
  }
  const { default: Database } = await import('better-sqlite3');
  try {
    mkdirSync(dirname(location), { recursive: true });
    const db = new Database(location, { timeout: options.busyTimeoutMs ?? 30_000 });
    // WAL: readers never wait for the writer; NORMAL sync is safe against a crashed process
    // (kill -9 loses nothing committed), fsyncs only at checkpoints.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -65536'); // 64 MB of page cache (more does not make writes faster)
    db.pragma('temp_store = MEMORY');
    // Checkpoints less often (about 40 MB of WAL): fewer, larger copies back into the database.
    db.pragma('wal_autocheckpoint = 10000');
    return await Store.open(new SqliteDriver(db), location);
  } catch (err) {
    if (err instanceof IsnadError) throw err;
    throw new IsnadError(
      'store-unavailable',
      `cannot open the store ${location}: ${(err as Error).message}`,
      { file: location },
      { cause: err },
    );
  }
}
