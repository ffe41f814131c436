/**
 * The two SQL engines behind one small interface, so the store's logic —
 * what is written, how search ranks, how people merge — is written once.
 * SQL is written with «?» placeholders and the portable subset both engines
 * share (ON CONFLICT, RETURNING); the PostgreSQL driver numbers the
 * placeholders. The few differences of DDL are in schema.ts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { BoundedCache } from '../text/bounded-cache.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Param = string | number | bigint | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Driver {
  readonly dialect: Dialect;
  /** Every row of a query. */
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** A statement's effect: rows changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Statements without parameters (DDL), separated by «;». */
  exec(sql: string): Promise<void>;
  /** Many rows into a table in one go: a prepared loop in SQLite, one unnest() in PostgreSQL. */
  insertMany(table: string, columns: readonly Column[], rows: readonly (readonly Param[])[]): Promise<void>;
  /**
   * Inside a transaction: take the lock `key` until it ends, if no other
   * transaction holds it; false if one does. (SQLite's write transaction is
   * exclusive already: always true.)
   */
  tryLock(key: number): Promise<boolean>;
  /** Inside a transaction: take the lock `key` until it ends, waiting for another holder. */
  lock(key: number): Promise<void>;
  /** `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A column of insertMany: its name and its PostgreSQL type (for unnest's arrays). */
export interface Column {
  readonly name: string;
  readonly type: 'text' | 'int' | 'bigint' | 'real' | 'bytea';
}

// ── SQLite ──────────────────────────────────────────────────────────────────

const ROWS_PER_STATEMENT = 64;
const STATEMENT_CACHE = 512;
/** SQLite's default limit on host parameters per statement is 32,766. */
const MAX_PARAMS = 32_766;

export class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const;
  /**
   * Prepared statements by their SQL. Bounded: lists of placeholders («IN (?, ?, …)») make a
   * statement for each length met, and a long-running server meets many.
   */
  private readonly statements = new BoundedCache<string, BetterSqlite3.Statement>(STATEMENT_CACHE);
  private depth = 0;

  constructor(readonly db: BetterSqlite3.Database) {}

  private prepare(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return this.prepare(sql).run(...params).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  /** Rows go in statements of up to ROWS_PER_STATEMENT rows: one call into SQLite each, not one a row. */
  async insertMany(
    table: string,
    columns: readonly Column[],
    rows: readonly (readonly Param[])[],
  ): Promise<void> {
    if (!rows.length) return;
    const names = columns.map((c) => c.name).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const per = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)));
    let at = 0;
    if (rows.length >= per) {
      const full = this.prepare(
        `INSERT INTO ${table} (${names}) VALUES ${Array(per).fill(tuple).join(', ')}`,
      );
      const params: Param[] = new Array(per * columns.length);
      for (; at + per <= rows.length; at += per) {
        let k = 0;
        for (let r = at; r < at + per; r++) for (const v of rows[r]!) params[k++] = v;
        full.run(params);
      }
    }
    if (at < rows.length) {
      const one = this.prepare(`INSERT INTO ${table} (${names}) VALUES ${tuple}`);
      for (; at < rows.length; at++) one.run(rows[at] as Param[]);
    }
  }

  async tryLock(_key: number): Promise<boolean> {
    return true;
  }

  async lock(_key: number): Promise<void> {}

  /**
   * BEGIN IMMEDIATE takes the write lock at once (no upgrade deadlock between
   * two writers). One connection: a nested call joins the open transaction.
   */
  async transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn(this);
    this.db.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const out = await fn(this);
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.depth--;
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────

/** «?» placeholders as «$1, $2 …» (the store's SQL holds no «?» inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

type Queryable = Pool | PoolClient;

export class PostgresDriver implements Driver {
  readonly dialect = 'postgres' as const;
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly q: Queryable,
    private readonly pool: Pool,
  ) {}

  private text(sql: string): string {
    let t = this.texts.get(sql);
    if (t === undefined) {
      t = numberPlaceholders(sql);
      this.texts.set(sql, t);
    }
    return t;
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const res = await this.q.query(this.text(sql), params.map(toPg));
    return res.rows as T[];
  }

  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    const res = await this.q.query(this.text(sql), params.map(toPg));
    return res.rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }

  async insertMany(
    table: string,
    columns: readonly Column[],
    rows: readonly (readonly Param[])[],
  ): Promise<void> {
    // unnest() of one array per column: one statement, one round trip, whatever the row count.
    const CHUNK = 20_000;
    for (let at = 0; at < rows.length; at += CHUNK) {
      const part = rows.slice(at, at + CHUNK);
      const arrays = columns.map((_, k) => part.map((r) => toPg(r[k] ?? null)));
      const casts = columns.map(
        (c, k) =>
          `$${k + 1}::${c.type === 'int' ? 'integer' : c.type === 'real' ? 'double precision' : c.type}[]`,
      );
      await this.q.query(
        `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
        arrays,
      );
    }
  }

  async tryLock(key: number): Promise<boolean> {
    const rows = await this.all<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(?) AS ok', [key]);
    return rows[0]?.ok === true;
  }

  async lock(key: number): Promise<void> {
    await this.all('SELECT pg_advisory_xact_lock(?)', [key]);
  }

  async transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T> {
    if (this.q !== this.pool) return fn(this); // already inside one
    const client = await this.pool.connect();
    const tx = new PostgresDriver(client, this.pool);
    try {
      await client.query('BEGIN');
      const out = await fn(tx);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.q === this.pool) await this.pool.end();
  }
}

/** PostgreSQL's text cannot hold NUL (SQLite's can): it becomes U+FFFD, as the ingest makes it. */
function toPg(v: Param): unknown {
  if (typeof v === 'string') return v.includes('\u0000') ? v.replace(/\u0000/g, '\ufffd') : v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'bigint') return v.toString();
  return v;
}
