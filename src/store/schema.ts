/**
 * The store's tables, as numbered migrations for both engines. Each record
 * is kept whole (articles.record) and in queryable tables beside it; the
 * search index is ours (terms, postings), so both engines rank alike.
 *
 * Differences between the engines are confined to `ddl()`: the serial key,
 * the blob type, and WITHOUT ROWID (SQLite's clustered key, for postings).
 * The search index is kept in segments (postings.ts), so a write appends
 * instead of inserting into the middle of a table ordered by term.
 */
import type { Column, Dialect, Driver } from './driver.ts';

export const SCHEMA_VERSION = 1;

function ddl(d: Dialect): string {
  const serial = d === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'SERIAL PRIMARY KEY';
  const blob = d === 'sqlite' ? 'BLOB' : 'BYTEA';
  const real = d === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
  const clustered = d === 'sqlite' ? ' WITHOUT ROWID' : '';
  return `
CREATE TABLE articles (
  seq ${serial},
  id TEXT NOT NULL UNIQUE,
  url TEXT, title TEXT, outlet TEXT, outlet_key TEXT, published TEXT, source TEXT, language TEXT,
  length INTEGER NOT NULL,
  pipeline TEXT NOT NULL,
  analysed_at TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_pipeline ON articles (pipeline);

CREATE TABLE persons (
  id ${serial},
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  last_word TEXT,
  wikidata TEXT,
  grp INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX persons_last_word ON persons (last_word);
CREATE TABLE person_evidence (
  person_id INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  key TEXT NOT NULL
);
CREATE INDEX person_evidence_person ON person_evidence (person_id);
CREATE INDEX person_evidence_key ON person_evidence (key);
CREATE INDEX person_evidence_article ON person_evidence (article_seq);

CREATE TABLE people (
  article_seq INTEGER NOT NULL,
  pid TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  titles TEXT NOT NULL,
  affiliations TEXT NOT NULL,
  grp INTEGER NOT NULL,
  wikidata TEXT
);
CREATE INDEX people_article ON people (article_seq);
CREATE INDEX people_person ON people (person_id);

CREATE TABLE quotes (
  article_seq INTEGER NOT NULL,
  qid TEXT NOT NULL,
  speaker_pid TEXT,
  person_id INTEGER,
  kind TEXT NOT NULL,
  verb TEXT, lemma TEXT,
  content TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  channel_kind TEXT, channel_text TEXT, channel_source TEXT,
  confidence ${real},
  cluster_id INTEGER,
  published TEXT
);
CREATE INDEX quotes_article ON quotes (article_seq);
CREATE INDEX quotes_person ON quotes (person_id);
CREATE INDEX quotes_cluster ON quotes (cluster_id);

CREATE TABLE clusters (
  id ${serial},
  person_id INTEGER,
  first_published TEXT,
  size INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE quote_shingles (
  shingle INTEGER NOT NULL,
  cluster_id INTEGER NOT NULL,
  article_seq INTEGER NOT NULL
);
CREATE INDEX quote_shingles_shingle ON quote_shingles (shingle);
CREATE INDEX quote_shingles_article ON quote_shingles (article_seq);

CREATE TABLE entities (
  article_seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  key TEXT NOT NULL,
  canonical TEXT, canonical_key TEXT, wikidata TEXT,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL
);
CREATE INDEX entities_article ON entities (article_seq);

CREATE TABLE places (
  article_seq INTEGER NOT NULL,
  text TEXT NOT NULL, key TEXT NOT NULL,
  name TEXT NOT NULL, name_key TEXT NOT NULL,
  country TEXT, lat ${real}, lon ${real}, geonames INTEGER, kind TEXT,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL
);
CREATE INDEX places_article ON places (article_seq);

CREATE TABLE events (
  article_seq INTEGER NOT NULL,
  type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
  actor_text TEXT, actor_code TEXT, target_text TEXT, target_code TEXT,
  place_text TEXT, lat ${real}, lon ${real},
  date TEXT, asserted_by TEXT NOT NULL,
  evidence TEXT NOT NULL,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL
);
CREATE INDEX events_article ON events (article_seq);

CREATE TABLE claims (
  article_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  speaker_pid TEXT, person_id INTEGER, quote_qid TEXT,
  text TEXT NOT NULL,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,
  due TEXT
);
CREATE INDEX claims_article ON claims (article_seq);
CREATE INDEX claims_due ON claims (due);

CREATE TABLE sources (
  article_seq INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT,
  start_at INTEGER NOT NULL, end_at INTEGER NOT NULL
);
CREATE INDEX sources_article ON sources (article_seq);

CREATE TABLE terms (
  id ${serial},
  term TEXT NOT NULL UNIQUE
);
-- The search index in segments (postings.ts): a write adds one, later writes merge them.
-- A merged segment is retired, and deleted once no reader can still be using it.
CREATE TABLE segments (
  id ${serial},
  level INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  min_seq INTEGER NOT NULL,
  max_seq INTEGER NOT NULL,
  retired TEXT
);
CREATE TABLE postings (
  segment INTEGER NOT NULL,
  term_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  data ${blob} NOT NULL,
  PRIMARY KEY (segment, term_id)
)${clustered};

CREATE TABLE errors (
  key TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

CREATE TABLE stats (
  name TEXT PRIMARY KEY,
  value ${real} NOT NULL
);
INSERT INTO stats (name, value) VALUES ('articles', 0), ('length', 0);
`;
}

/** Migrations in order; each runs once, and records its number (all in one transaction, under a lock). */
const MIGRATIONS: readonly { readonly version: number; readonly sql: (d: Dialect) => string }[] = [
  { version: 1, sql: ddl },
];

/** The lock key of migrations: stores opened at once (workers starting together) migrate one at a time. */
const MIGRATION_LOCK = 0x15ac;

export async function migrate(driver: Driver): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.lock(MIGRATION_LOCK);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_version');
    const current = rows.length ? Math.max(...rows.map((r) => Number(r.version))) : 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `the store was made by a newer isnad (schema ${current}; this one knows ${SCHEMA_VERSION}): upgrade isnad`,
      );
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await tx.exec(m.sql(driver.dialect));
      await tx.run('INSERT INTO schema_version (version) VALUES (?)', [m.version]);
    }
  });
}

/** Columns of the tables written in bulk, in insert order (the PostgreSQL types for unnest). */
const col = (name: string, type: Column['type']): Column => ({ name, type });
export const COLUMNS = {
  people: [
    col('article_seq', 'int'),
    col('pid', 'text'),
    col('person_id', 'int'),
    col('name', 'text'),
    col('name_key', 'text'),
    col('titles', 'text'),
    col('affiliations', 'text'),
    col('grp', 'int'),
    col('wikidata', 'text'),
  ],
  person_evidence: [
    col('person_id', 'int'),
    col('article_seq', 'int'),
    col('kind', 'text'),
    col('text', 'text'),
    col('key', 'text'),
  ],
  quotes: [
    col('article_seq', 'int'),
    col('qid', 'text'),
    col('speaker_pid', 'text'),
    col('person_id', 'int'),
    col('kind', 'text'),
    col('verb', 'text'),
    col('lemma', 'text'),
    col('content', 'text'),
    col('content_start', 'int'),
    col('content_end', 'int'),
    col('channel_kind', 'text'),
    col('channel_text', 'text'),
    col('channel_source', 'text'),
    col('confidence', 'real'),
    col('cluster_id', 'int'),
    col('published', 'text'),
  ],
  quote_shingles: [col('shingle', 'int'), col('cluster_id', 'int'), col('article_seq', 'int')],
  entities: [
    col('article_seq', 'int'),
    col('type', 'text'),
    col('text', 'text'),
    col('key', 'text'),
    col('canonical', 'text'),
    col('canonical_key', 'text'),
    col('wikidata', 'text'),
    col('start_at', 'int'),
    col('end_at', 'int'),
  ],
  places: [
    col('article_seq', 'int'),
    col('text', 'text'),
    col('key', 'text'),
    col('name', 'text'),
    col('name_key', 'text'),
    col('country', 'text'),
    col('lat', 'real'),
    col('lon', 'real'),
    col('geonames', 'int'),
    col('kind', 'text'),
    col('start_at', 'int'),
    col('end_at', 'int'),
  ],
  events: [
    col('article_seq', 'int'),
    col('type', 'text'),
    col('mode', 'text'),
    col('status', 'text'),
    col('actor_text', 'text'),
    col('actor_code', 'text'),
    col('target_text', 'text'),
    col('target_code', 'text'),
    col('place_text', 'text'),
    col('lat', 'real'),
    col('lon', 'real'),
    col('date', 'text'),
    col('asserted_by', 'text'),
    col('evidence', 'text'),
    col('start_at', 'int'),
    col('end_at', 'int'),
  ],
  claims: [
    col('article_seq', 'int'),
    col('kind', 'text'),
    col('speaker_pid', 'text'),
    col('person_id', 'int'),
    col('quote_qid', 'text'),
    col('text', 'text'),
    col('start_at', 'int'),
    col('end_at', 'int'),
    col('due', 'text'),
  ],
  sources: [
    col('article_seq', 'int'),
    col('name', 'text'),
    col('kind', 'text'),
    col('start_at', 'int'),
    col('end_at', 'int'),
  ],
  postings: [col('segment', 'int'), col('term_id', 'int'), col('n', 'int'), col('data', 'bytea')],
} as const;

/** Tables that hold rows of one article (by article_seq), cleared when it is analysed again. */
export const ARTICLE_TABLES = [
  'people',
  'person_evidence',
  'quotes',
  'quote_shingles',
  'entities',
  'places',
  'events',
  'claims',
  'sources',
] as const;
