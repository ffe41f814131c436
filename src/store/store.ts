/**
 * The store: article records kept whole and in queryable tables, people
 * merged across articles, quotations clustered into statements, and an
 * Arabic search index — one class over either engine's Driver.
 *
 * Writes are batches in one transaction: after a crash (kill -9 included)
 * a batch is either all there or not at all, and since an article's id is
 * the hash of its text and URL, running the same ingest again stores exactly
 * what is missing. Nothing is counted in place (no document frequencies or
 * totals updated per write: those rows would make every concurrent writer
 * wait for every other); the search reads frequencies off the postings it
 * fetches anyway.
 */
import type { ArticleRecord, Person, Quote } from '../record/types.ts';
import {
  type Clause,
  endOfDay,
  filterKey,
  type ParsedQuery,
  parseQuery,
  type SearchFilters,
} from '../search/query.ts';
import { termAt } from '../search/terms.ts';
import { BoundedCache } from '../text/bounded-cache.ts';
import { tokenize } from '../text/tokenize.ts';
import type { Driver, Param } from './driver.ts';
import { facetTerm } from './facets.ts';
import { contentSketch, evidenceOf, lastWord, MIN_SHARED, nameKey, personIdentity } from './identity.ts';
import type { AnalysedArticle } from './index-entry.ts';
import { decodePostings, mergePostingLists, type Posting, PostingListWriter, termEnds } from './postings.ts';
import { ARTICLE_TABLES, COLUMNS, migrate } from './schema.ts';

export interface WriteResult {
  readonly added: number;
  readonly replaced: number;
  /** Already stored (the same id), left as they were. */
  readonly skipped: number;
}

export interface IngestError {
  /** Where: a path, path:line, a URL, a queue job. */
  readonly source: string;
  readonly code: string;
  readonly message: string;
}

export interface StoredError extends IngestError {
  readonly at: string;
}

export interface StoreCounts {
  readonly articles: number;
  readonly persons: number;
  readonly people: number;
  readonly quotes: number;
  readonly clusters: number;
  readonly entities: number;
  readonly places: number;
  readonly events: number;
  readonly claims: number;
  readonly sources: number;
  readonly terms: number;
  /** (term, article) pairs in the search index. */
  readonly postings: number;
  /** Live segments of the search index. */
  readonly segments: number;
  readonly errors: number;
}

export interface SearchOptions extends SearchFilters {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Snippet {
  readonly text: string;
  /** Offsets of `text` in the article's text. */
  readonly start: number;
  readonly end: number;
  /** The matched words, as offsets in the article's text. */
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
}

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** BM25; 0 when the query has only filters (hits are then newest first). */
  readonly score: number;
  readonly snippet: Snippet;
}

export interface SearchResult {
  readonly query: ParsedQuery;
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

interface ArticleHead {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

/** BM25's usual constants (Robertson & Zaragoza 2009). */
const K1 = 1.2;
const B = 0.75;
/** A prefix stands for at most this many terms (the most frequent). */
const MAX_EXPANSION = 64;
/** Terms of a prefix looked at to choose those (in term order). */
const PREFIX_CANDIDATES = 2000;
const IN_CHUNK = 500;
/** Live segments of one level that make a merge. */
const MERGE_FANOUT = 8;
/** Terms read at a time in a merge. */
const MERGE_PAGE = 2000;
/** How long a merged segment stays for readers that listed it before the merge. */
const RETIRED_GRACE_MS = 60_000;
/** The lock key of segment merges. */
const MERGE_LOCK = 0x15ad;
/** How long a reader trusts its list of live segments (other writers add some). */
const SEGMENT_LIST_MS = 5000;

/** An article as its write's segment needs it. */
interface IndexedArticle {
  readonly seq: number;
  readonly termIds: readonly number[];
  readonly data: Uint8Array;
}

/** Blobs come back as Buffers (both drivers), which are Uint8Arrays. */
const toBytes = (b: Uint8Array): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

const json = (v: unknown) => JSON.stringify(v);
const nul = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

export class Store {
  /** Ids never change once given: terms and persons are remembered (bounded). */
  private readonly termIds = new BoundedCache<string, number>(300_000);
  private readonly personIds = new BoundedCache<string, number>(100_000);
  /**
   * Ids made or read in the open write transaction: remembered above only once
   * it commits (a rolled-back id does not exist).
   */
  private fresh = { terms: new Map<string, number>(), persons: new Map<string, number>() };
  /**
   * Article lengths by seq, for BM25, read incrementally (see corpusStats); 0
   * for a seq not stored (never, or no longer: search skips its postings).
   */
  private lengths = new Int32Array(0);
  private lengthsUpTo = 0;
  private lengthsCount = 0;
  /** Each stored article's id and date by seq, read with its length (ranking ties, newest first). */
  private headOf: ({ readonly id: string; readonly published: string | null } | undefined)[] = [];
  /** Stored seqs newest first (ties by id), made when first needed after the stats change. */
  private newestFirst: Int32Array | null = null;
  private stats: { at: number; articles: number; avgLength: number } | null = null;
  /** Live segments of the search index, as last read. */
  private segmentList: { at: number; ids: number[] } | null = null;

  private constructor(
    readonly driver: Driver,
    /** Where the store is, for messages: a path or a URL without its password. */
    readonly location: string,
  ) {}

  static async open(driver: Driver, location: string): Promise<Store> {
    await migrate(driver);
    return new Store(driver, location);
  }

  get engine(): Driver['dialect'] {
    return this.driver.dialect;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /** Which of these article ids are stored. */
  async has(ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let at = 0; at < ids.length; at += IN_CHUNK) {
      const part = ids.slice(at, at + IN_CHUNK);
      const rows = await this.driver.all<{ id: string }>(
        `SELECT id FROM articles WHERE id IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  // ── writing ──────────────────────────────────────────────────────────────

  /**
   * Store analysed articles in one transaction. An article already stored is
   * skipped, unless `replace` (reanalysis), which swaps its rows for the new
   * ones.
   */
  async write(items: readonly AnalysedArticle[], options: { replace?: boolean } = {}): Promise<WriteResult> {
    if (!items.length) return { added: 0, replaced: 0, skipped: 0 };
    this.fresh = { terms: new Map(), persons: new Map() };
    const made = this.fresh;
    return this.driver
      .transaction(async (tx) => {
        // The same article twice in one batch is stored once.
        const unique = [...new Map(items.map((it) => [it.record.id, it])).values()];
        const existing = new Map<string, number>();
        for (let at = 0; at < unique.length; at += IN_CHUNK) {
          const part = unique.slice(at, at + IN_CHUNK).map((it) => it.record.id);
          const rows = await tx.all<{ id: string; seq: number }>(
            `SELECT id, seq FROM articles WHERE id IN (${part.map(() => '?').join(', ')})`,
            part,
          );
          for (const r of rows) existing.set(r.id, Number(r.seq));
        }
        let skipped = items.length - unique.length;
        let replaced = 0;
        let added = 0;
        // What goes into this write's segment of the search index.
        const indexed: IndexedArticle[] = [];
        for (const it of unique) {
          const old = existing.get(it.record.id);
          if (old !== undefined && !options.replace) {
            skipped++;
            continue;
          }
          // An article analysed again goes in afresh, under a new seq: its old postings
          // are dead from now on (search skips them, merges drop them).
          if (old !== undefined) await this.removeArticle(tx, old);
          const done = await this.writeArticle(tx, it);
          if (done === null)
            skipped++; // a concurrent writer stored it first
          else {
            indexed.push(done);
            if (old !== undefined) replaced++;
            else added++;
          }
        }
        await this.writeSegment(tx, indexed);
        return { added, replaced, skipped };
      })
      .then(
        (result) => {
          for (const [k, v] of made.terms) this.termIds.set(k, v);
          for (const [k, v] of made.persons) this.personIds.set(k, v);
          this.invalidateStats(result.replaced > 0);
          return result;
        },
        (err: unknown) => {
          made.terms.clear();
          made.persons.clear();
          throw err;
        },
      );
  }

  /** One article's rows; null when another writer stored it first. */
  private async writeArticle(tx: Driver, it: AnalysedArticle): Promise<IndexedArticle | null> {
    const r = it.record;
    const termIds = await this.termIdsOf(tx, it.index.terms);
    const m = r.meta;
    const rows = await tx.all<{ seq: number }>(
      `INSERT INTO articles (id, url, title, outlet, outlet_key, published, source, language, length, pipeline, analysed_at, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [
        r.id,
        nul(m.url),
        nul(m.title),
        nul(m.outlet),
        m.outlet ? filterKey(m.outlet) : null,
        nul(m.published),
        nul(m.source),
        nul(m.language),
        it.index.length,
        it.pipeline,
        new Date().toISOString(),
        it.json ?? json(r),
      ],
    );
    if (!rows.length) return null;
    const seq = Number(rows[0]!.seq);
    await this.writeChildren(tx, r, seq);
    return { seq, termIds, data: it.index.data };
  }

  /** This write's articles as one new segment of the search index; then merge if a level is full. */
  private async writeSegment(tx: Driver, indexed: IndexedArticle[]): Promise<void> {
    if (!indexed.length) return;
    indexed.sort((a, b) => a.seq - b.seq);
    const lists = new Map<number, PostingListWriter>();
    for (const a of indexed) {
      const ends = termEnds(a.data, a.termIds.length);
      let from = 0;
      a.termIds.forEach((termId, k) => {
        let list = lists.get(termId);
        if (!list) {
          list = new PostingListWriter();
          lists.set(termId, list);
        }
        list.add(a.seq, a.data.subarray(from, ends[k]));
        from = ends[k]!;
      });
    }
    await this.insertSegment(tx, 0, indexed.length, indexed[0]!.seq, indexed.at(-1)!.seq, lists);
    await this.mergeSegments(tx);
  }

  private async insertSegment(
    tx: Driver,
    level: number,
    articles: number,
    minSeq: number,
    maxSeq: number,
    lists: ReadonlyMap<number, PostingListWriter>,
  ): Promise<number> {
    const made = await tx.all<{ id: number }>(
      'INSERT INTO segments (level, articles, min_seq, max_seq) VALUES (?, ?, ?, ?) RETURNING id',
      [level, articles, minSeq, maxSeq],
    );
    const segment = Number(made[0]!.id);
    const rows: Param[][] = [];
    for (const [termId, list] of [...lists].sort((a, b) => a[0] - b[0]))
      if (list.count) rows.push([segment, termId, list.count, list.done()]);
    await tx.insertMany('postings', COLUMNS.postings, rows);
    this.segmentList = null;
    return segment;
  }

  /**
   * Tiered merging: when MERGE_FANOUT live segments share a level, they become
   * one segment a level up, without the postings of articles since replaced.
   * The merged ones are retired, not deleted: a reader may still be reading
   * them; they go at a later merge, RETIRED_GRACE_MS on. One merger at a
   * time (PostgreSQL's writers run in parallel: the others skip it).
   */
  private async mergeSegments(tx: Driver): Promise<void> {
    if (!(await tx.tryLock(MERGE_LOCK))) return;
    for (;;) {
      const live = await tx.all<{
        id: number;
        level: number;
        articles: number;
        min_seq: number;
        max_seq: number;
      }>(
        'SELECT id, level, articles, min_seq, max_seq FROM segments WHERE retired IS NULL ORDER BY level, id',
      );
      const byLevel = new Map<number, typeof live>();
      for (const s of live) {
        const list = byLevel.get(Number(s.level)) ?? [];
        list.push(s);
        byLevel.set(Number(s.level), list);
      }
      const full = [...byLevel].find(([, list]) => list.length >= MERGE_FANOUT);
      if (!full) break;
      const [level, group] = full;
      const ids = group.map((s) => Number(s.id));
      const minSeq = Math.min(...group.map((s) => Number(s.min_seq)));
      const maxSeq = Math.max(...group.map((s) => Number(s.max_seq)));
      const liveSeqs = new Set(
        (
          await tx.all<{ seq: number }>('SELECT seq FROM articles WHERE seq >= ? AND seq <= ?', [
            minSeq,
            maxSeq,
          ])
        ).map((r) => Number(r.seq)),
      );
      const keep = (seq: number) => liveSeqs.has(seq);
      const lists = new Map<number, PostingListWriter>();
      // Term by term, a bounded number of terms at once: a merge of large segments never holds them whole.
      let after = -1;
      for (;;) {
        const rows = await tx.all<{ term_id: number; data: Uint8Array }>(
          `SELECT term_id, data FROM postings WHERE segment IN (${ids.map(() => '?').join(', ')}) AND term_id > ?
           ORDER BY term_id LIMIT ?`,
          [...ids, after, MERGE_PAGE],
        );
        if (!rows.length) break;
        // A full page may hold only some of its last term's rows: that term starts the next page.
        const last = Number(rows.at(-1)!.term_id);
        const cut =
          rows.length === MERGE_PAGE ? rows.findIndex((r) => Number(r.term_id) === last) : rows.length;
        let k = 0;
        while (k < cut) {
          const term = Number(rows[k]!.term_id);
          const parts: Uint8Array[] = [];
          while (k < cut && Number(rows[k]!.term_id) === term) parts.push(toBytes(rows[k++]!.data));
          lists.set(term, mergePostingLists(parts, keep));
          after = term;
        }
        if (rows.length < MERGE_PAGE) break;
      }
      let articles = 0;
      for (const s of liveSeqs) if (s >= minSeq && s <= maxSeq) articles++;
      await this.insertSegment(tx, level + 1, articles, minSeq, maxSeq, lists);
      const now = new Date().toISOString();
      await tx.run(`UPDATE segments SET retired = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
        now,
        ...ids,
      ]);
    }
    // Segments retired long enough ago that no reader can be using them.
    const before = new Date(Date.now() - RETIRED_GRACE_MS).toISOString();
    const old = await tx.all<{ id: number }>(
      'SELECT id FROM segments WHERE retired IS NOT NULL AND retired < ?',
      [before],
    );
    for (const { id } of old) {
      await tx.run('DELETE FROM postings WHERE segment = ?', [Number(id)]);
      await tx.run('DELETE FROM segments WHERE id = ?', [Number(id)]);
    }
  }

  private async writeChildren(tx: Driver, r: ArticleRecord, seq: number): Promise<void> {
    const published = r.meta.published ?? null;
    // People, and who they are across articles.
    const personOf = new Map<string, number>();
    const peopleRows: Param[][] = [];
    const evidenceRows: Param[][] = [];
    for (const p of r.people) {
      const personId = await this.personIdOf(tx, p, r.id);
      personOf.set(p.id, personId);
      peopleRows.push([
        seq,
        p.id,
        personId,
        p.name,
        nameKey(p.name),
        json(p.titles),
        json(p.affiliations),
        p.group ? 1 : 0,
        nul(p.wikidata),
      ]);
      for (const e of evidenceOf(p)) evidenceRows.push([personId, seq, e.kind, e.text, e.key]);
    }
    await tx.insertMany('people', COLUMNS.people, peopleRows);
    await tx.insertMany('person_evidence', COLUMNS.person_evidence, evidenceRows);
    // Quotations, each joined to the statement it repeats.
    const quoteRows: Param[][] = [];
    const shingleRows: Param[][] = [];
    for (const q of r.quotes) {
      const personId = q.speaker ? (personOf.get(q.speaker) ?? null) : null;
      const cluster = await this.clusterOf(tx, q, personId, published, seq, shingleRows);
      quoteRows.push([
        seq,
        q.id,
        q.speaker,
        personId,
        q.kind,
        q.verb?.text ?? null,
        q.verb?.lemma ?? null,
        q.content.text,
        q.content.start,
        q.content.end,
        q.channel?.kind ?? null,
        q.channel?.text ?? null,
        q.channel?.source ?? null,
        q.confidence,
        cluster,
        published,
      ]);
    }
    await tx.insertMany('quotes', COLUMNS.quotes, quoteRows);
    await tx.insertMany('quote_shingles', COLUMNS.quote_shingles, shingleRows);
    await tx.insertMany(
      'entities',
      COLUMNS.entities,
      r.entities.map((e) => [
        seq,
        e.type,
        e.text,
        nameKey(e.text),
        nul(e.canonical),
        e.canonical ? nameKey(e.canonical) : null,
        nul(e.wikidata),
        e.start,
        e.end,
      ]),
    );
    await tx.insertMany(
      'places',
      COLUMNS.places,
      r.places.map((p) => [
        seq,
        p.text,
        nameKey(p.text),
        p.name,
        filterKey(p.name),
        p.country,
        nul(p.lat),
        nul(p.lon),
        nul(p.geonames),
        p.kind,
        p.start,
        p.end,
      ]),
    );
    await tx.insertMany(
      'events',
      COLUMNS.events,
      r.events.map((e) => {
        // An event's place is a span of the text; the map needs the resolved place over it.
        const at = e.place
          ? r.places.find((p) => p.start < e.place!.end && e.place!.start < p.end)
          : undefined;
        return [
          seq,
          e.type,
          nul(e.mode),
          e.status,
          e.actor?.text ?? null,
          e.actor?.code ?? null,
          e.target?.text ?? null,
          e.target?.code ?? null,
          e.place?.text ?? null,
          nul(at?.lat),
          nul(at?.lon),
          nul(e.date),
          e.assertedBy,
          e.evidence.text,
          e.evidence.start,
          e.evidence.end,
        ];
      }),
    );
    await tx.insertMany(
      'claims',
      COLUMNS.claims,
      r.claims.map((c) => [
        seq,
        c.kind,
        c.speaker,
        c.speaker ? (personOf.get(c.speaker) ?? null) : null,
        c.quote,
        c.text,
        c.start,
        c.end,
        nul(c.due),
      ]),
    );
    await tx.insertMany(
      'sources',
      COLUMNS.sources,
      r.sources.map((s) => [seq, s.name, s.kind, s.start, s.end]),
    );
  }

  /**
   * An article out of every table (before its new analysis is written under
   * a new seq). Its postings stay in their segments, dead: search skips
   * articles that are not stored, and merges drop them.
   */
  private async removeArticle(tx: Driver, seq: number): Promise<void> {
    const clusters = await tx.all<{ cluster_id: number }>(
      'SELECT cluster_id FROM quotes WHERE article_seq = ? AND cluster_id IS NOT NULL',
      [seq],
    );
    const persons = await tx.all<{ person_id: number }>(
      'SELECT DISTINCT person_id FROM people WHERE article_seq = ?',
      [seq],
    );
    for (const table of ARTICLE_TABLES) await tx.run(`DELETE FROM ${table} WHERE article_seq = ?`, [seq]);
    await tx.run('DELETE FROM articles WHERE seq = ?', [seq]);
    // Statements and persons this article alone held go with it; the others lose a member.
    for (const { cluster_id } of clusters) {
      await tx.run('UPDATE clusters SET size = size - 1 WHERE id = ?', [Number(cluster_id)]);
      await tx.run('DELETE FROM clusters WHERE id = ? AND size <= 0', [Number(cluster_id)]);
      await tx.run(
        'UPDATE clusters SET first_published = (SELECT MIN(published) FROM quotes WHERE cluster_id = ?) WHERE id = ?',
        [Number(cluster_id), Number(cluster_id)],
      );
    }
    for (const { person_id } of persons) {
      const gone = await tx.run(
        'DELETE FROM persons WHERE id = ? AND NOT EXISTS (SELECT 1 FROM people WHERE person_id = ?)',
        [Number(person_id), Number(person_id)],
      );
      if (gone) this.personIds.clear(); // rare (reanalysis only): forget rather than search
    }
  }

  /** Ids of terms, made where new. */
  private async termIdsOf(tx: Driver, terms: readonly string[]): Promise<number[]> {
    const known = (t: string) => this.fresh.terms.get(t) ?? this.termIds.get(t);
    const missing = [...new Set(terms.filter((t) => known(t) === undefined))];
    for (let at = 0; at < missing.length; at += IN_CHUNK) {
      const part = missing.slice(at, at + IN_CHUNK);
      const values = part.map(() => '(?)').join(', ');
      await tx.run(`INSERT INTO terms (term) VALUES ${values} ON CONFLICT (term) DO NOTHING`, part);
      const rows = await tx.all<{ id: number; term: string }>(
        `SELECT id, term FROM terms WHERE term IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const row of rows) this.fresh.terms.set(row.term, Number(row.id));
    }
    return terms.map((t) => {
      const id = known(t);
      if (id === undefined) throw new Error(`store: no id for term «${t}»`);
      return id;
    });
  }

  /** The person (across articles) a record's person is. */
  private async personIdOf(tx: Driver, p: Person, articleId: string): Promise<number> {
    const identity = personIdentity(p, articleId);
    let key: string;
    if (identity.kind === 'key') key = identity.key;
    else {
      const known = await this.personBySurname(
        tx,
        identity.lastWord,
        evidenceOf(p).map((e) => e.key),
      );
      if (known !== null) return known;
      key = identity.fallbackKey;
    }
    const cached = this.fresh.persons.get(key) ?? this.personIds.get(key);
    if (cached !== undefined) return cached;
    const name = p.name;
    const rows = await tx.all<{ id: number }>(
      `INSERT INTO persons (key, name, last_word, wikidata, grp) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET wikidata = COALESCE(persons.wikidata, excluded.wikidata) RETURNING id`,
      [key, name, lastWord(name), nul(p.wikidata), p.group ? 1 : 0],
    );
    const id = Number(rows[0]!.id);
    this.fresh.persons.set(key, id);
    return id;
  }

  /**
   * A one-word name's person: the one known person whose last name it is and
   * who shares a title or affiliation with it, a full name preferred; null
   * when none or several do.
   */
  private async personBySurname(
    tx: Driver,
    word: string,
    evidence: readonly string[],
  ): Promise<number | null> {
    if (!word || !evidence.length) return null;
    const rows = await tx.all<{ id: number; key: string }>(
      `SELECT DISTINCT p.id, p.key FROM persons p JOIN person_evidence e ON e.person_id = p.id
       WHERE p.last_word = ? AND e.key IN (${evidence.map(() => '?').join(', ')})`,
      [word, ...evidence],
    );
    const full = rows.filter((r) => r.key.startsWith('name:') || r.key.startsWith('wikidata:'));
    if (full.length === 1) return Number(full[0]!.id);
    if (!full.length && rows.length === 1) return Number(rows[0]!.id);
    return null;
  }

  /**
   * The statement (cluster) a quotation repeats, made when it repeats none;
   * null when its content is too short to tell. Its sketch rows are added to
   * `shingleRows`, and the statement's earliest publication kept.
   */
  private async clusterOf(
    tx: Driver,
    q: Quote,
    personId: number | null,
    published: string | null,
    seq: number,
    shingleRows: Param[][],
  ): Promise<number | null> {
    const sketch = contentSketch(q.content.text);
    if (!sketch) return null;
    // Rows of this article's earlier quotes are not written yet: look at them too.
    const pending = new Map<number, Set<number>>();
    for (const [shingle, cluster] of shingleRows as [number, number, number][]) {
      if (!sketch.includes(shingle)) continue;
      const s = pending.get(cluster) ?? new Set<number>();
      s.add(shingle);
      pending.set(cluster, s);
    }
    // Which statements hold these sketch values (a plain index lookup; counted here, not grouped in SQL).
    const hits = await tx.all<{ shingle: number; cluster_id: number }>(
      `SELECT shingle, cluster_id FROM quote_shingles WHERE shingle IN (${sketch.map(() => '?').join(', ')})`,
      sketch,
    );
    const shared = new Map<number, Set<number>>();
    for (const h of hits) {
      const c = Number(h.cluster_id);
      const set = shared.get(c) ?? new Set<number>();
      set.add(Number(h.shingle));
      shared.set(c, set);
    }
    const likely = [...shared].filter(([, set]) => set.size >= MIN_SHARED).map(([c]) => c);
    const persons = new Map<number, number | null>();
    if (likely.length) {
      const rows = await tx.all<{ id: number; person_id: number | null }>(
        `SELECT id, person_id FROM clusters WHERE id IN (${likely.map(() => '?').join(', ')})`,
        likely,
      );
      for (const r of rows) persons.set(Number(r.id), r.person_id === null ? null : Number(r.person_id));
    }
    const rows = likely.map((c) => ({
      cluster_id: c,
      shared: shared.get(c)!.size,
      person_id: persons.get(c) ?? null,
    }));
    let chosen: number | null = null;
    const candidates = rows.map((row) => ({
      id: Number(row.cluster_id),
      shared: Number(row.shared),
      person: row.person_id === null ? null : Number(row.person_id),
    }));
    for (const [id, s] of pending) candidates.push({ id, shared: s.size, person: personId });
    candidates.sort((a, b) => b.shared - a.shared || a.id - b.id);
    for (const c of candidates) {
      if (c.shared < MIN_SHARED) break;
      // One statement has one speaker: an attributed quotation joins only its speaker's statements.
      if (c.person !== null && personId !== null && c.person !== personId) continue;
      chosen = c.id;
      break;
    }
    if (chosen === null) {
      const made = await tx.all<{ id: number }>(
        'INSERT INTO clusters (person_id, first_published, size) VALUES (?, ?, 1) RETURNING id',
        [personId, published],
      );
      chosen = Number(made[0]!.id);
    } else {
      await tx.run(
        `UPDATE clusters SET size = size + 1,
         first_published = CASE WHEN first_published IS NULL OR CAST(? AS TEXT) < first_published
           THEN COALESCE(CAST(? AS TEXT), first_published) ELSE first_published END
         WHERE id = ?`,
        [published, published, chosen],
      );
    }
    for (const shingle of sketch) shingleRows.push([shingle, chosen, seq]);
    return chosen;
  }

  // ── errors ───────────────────────────────────────────────────────────────

  /** Errors of the ingest, one per source and code: recording one again (a resumed run) changes nothing. */
  async recordErrors(errors: readonly IngestError[]): Promise<void> {
    if (!errors.length) return;
    await this.driver.transaction(async (tx) => {
      for (const e of errors) {
        await tx.run(
          `INSERT INTO errors (key, source, code, message, at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET message = excluded.message, at = excluded.at`,
          [`${e.source}\t${e.code}`, e.source, e.code, e.message, new Date().toISOString()],
        );
      }
    });
  }

  async errors(options: { limit?: number; offset?: number } = {}): Promise<StoredError[]> {
    return this.driver.all<StoredError>(
      'SELECT source, code, message, at FROM errors ORDER BY at, source LIMIT ? OFFSET ?',
      [options.limit ?? 1000, options.offset ?? 0],
    );
  }

  // ── reading ──────────────────────────────────────────────────────────────

  async counts(): Promise<StoreCounts> {
    const tables = [
      'articles',
      'persons',
      'people',
      'quotes',
      'clusters',
      'entities',
      'places',
      'events',
      'claims',
      'sources',
      'terms',
      'errors',
    ] as const;
    const out: Record<string, number> = {};
    for (const t of tables) {
      const rows = await this.driver.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`);
      out[t] = Number(rows[0]!.n);
    }
    // (term, article) pairs in the live segments (those of articles since replaced included).
    const postings = await this.driver.all<{ n: number | null; segments: number }>(
      `SELECT SUM(p.n) AS n, COUNT(DISTINCT s.id) AS segments FROM segments s JOIN postings p ON p.segment = s.id
       WHERE s.retired IS NULL`,
    );
    out.postings = Number(postings[0]?.n ?? 0);
    out.segments = Number(postings[0]?.segments ?? 0);
    return out as unknown as StoreCounts;
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const rows = await this.driver.all<{ record: string }>('SELECT record FROM articles WHERE id = ?', [id]);
    return rows.length ? (JSON.parse(rows[0]!.record) as ArticleRecord) : null;
  }

  /** Every stored record, oldest stored first, in pages (export, reanalysis); `pipelineNot` skips those made by that version. */
  async *records(options: { pipelineNot?: string; page?: number } = {}): AsyncGenerator<ArticleRecord> {
    const page = options.page ?? 200;
    let after = 0;
    for (;;) {
      const rows = await this.driver.all<{ seq: number; record: string }>(
        options.pipelineNot === undefined
          ? 'SELECT seq, record FROM articles WHERE seq > ? ORDER BY seq LIMIT ?'
          : 'SELECT seq, record FROM articles WHERE seq > ? AND pipeline <> ? ORDER BY seq LIMIT ?',
        options.pipelineNot === undefined ? [after, page] : [after, options.pipelineNot, page],
      );
      if (!rows.length) return;
      for (const r of rows) yield JSON.parse(r.record) as ArticleRecord;
      after = Number(rows.at(-1)!.seq);
    }
  }

  /** How many stored records another pipeline version made (what `reanalyze` would redo). */
  async staleCount(pipeline: string): Promise<number> {
    const rows = await this.driver.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM articles WHERE pipeline <> ?',
      [pipeline],
    );
    return Number(rows[0]!.n);
  }

  // ── export ───────────────────────────────────────────────────────────────

  /** Pages of stored articles' seq numbers, in storing order. */
  private async *articlePages(page = 200): AsyncGenerator<Map<number, ArticleHead>> {
    let after = 0;
    for (;;) {
      const rows = await this.driver.all<ArticleHead & { seq: number }>(
        'SELECT seq, id, title, outlet, published, url FROM articles WHERE seq > ? ORDER BY seq LIMIT ?',
        [after, page],
      );
      if (!rows.length) return;
      yield new Map(rows.map((r) => [Number(r.seq), r]));
      after = Number(rows.at(-1)!.seq);
    }
  }

  private inList(seqs: Iterable<number>): { sql: string; params: number[] } {
    const params = [...seqs];
    return { sql: params.map(() => '?').join(', '), params };
  }

  async *quoteRows(): AsyncGenerator<QuoteRow> {
    for await (const heads of this.articlePages()) {
      const { sql, params } = this.inList(heads.keys());
      const rows = await this.driver.all<{
        article_seq: number;
        qid: string;
        name: string | null;
        titles: string | null;
        affiliations: string | null;
        kind: string;
        verb: string | null;
        content: string;
        channel_text: string | null;
        cluster_id: number | null;
      }>(
        `SELECT q.article_seq, q.qid, p.name, p.titles, p.affiliations, q.kind, q.verb, q.content, q.channel_text, q.cluster_id
         FROM quotes q LEFT JOIN people p ON p.article_seq = q.article_seq AND p.pid = q.speaker_pid
         WHERE q.article_seq IN (${sql}) ORDER BY q.article_seq, q.content_start`,
        params,
      );
      for (const r of rows) {
        const a = heads.get(Number(r.article_seq))!;
        yield {
          article: a.id,
          quote: r.qid,
          speaker: r.name,
          titles: r.titles ? (JSON.parse(r.titles) as string[]) : [],
          affiliations: r.affiliations ? (JSON.parse(r.affiliations) as string[]) : [],
          kind: r.kind,
          verb: r.verb,
          content: r.content,
          channel: r.channel_text,
          outlet: a.outlet,
          published: a.published,
          url: a.url,
          statement: r.cluster_id === null ? null : Number(r.cluster_id),
        };
      }
    }
  }

  async *placeRows(): AsyncGenerator<PlaceRow> {
    for await (const heads of this.articlePages()) {
      const { sql, params } = this.inList(heads.keys());
      const rows = await this.driver.all<{
        article_seq: number;
        text: string;
        name: string;
        country: string | null;
        kind: string | null;
        lat: number | null;
        lon: number | null;
        geonames: number | null;
      }>(
        `SELECT article_seq, text, name, country, kind, lat, lon, geonames FROM places
         WHERE article_seq IN (${sql}) ORDER BY article_seq, start_at`,
        params,
      );
      for (const r of rows) {
        const a = heads.get(Number(r.article_seq))!;
        yield {
          article: a.id,
          text: r.text,
          name: r.name,
          country: r.country,
          kind: r.kind,
          lat: r.lat === null ? null : Number(r.lat),
          lon: r.lon === null ? null : Number(r.lon),
          geonames: r.geonames === null ? null : Number(r.geonames),
          title: a.title,
          published: a.published,
          url: a.url,
        };
      }
    }
  }

  async *eventRows(): AsyncGenerator<EventRow> {
    for await (const heads of this.articlePages()) {
      const { sql, params } = this.inList(heads.keys());
      const rows = await this.driver.all<{
        article_seq: number;
        type: string;
        mode: string | null;
        status: string;
        actor_text: string | null;
        target_text: string | null;
        place_text: string | null;
        lat: number | null;
        lon: number | null;
        date: string | null;
        asserted_by: string;
        speaker: string | null;
        evidence: string;
      }>(
        `SELECT e.article_seq, e.type, e.mode, e.status, e.actor_text, e.target_text, e.place_text, e.lat, e.lon,
                e.date, e.asserted_by, p.name AS speaker, e.evidence
         FROM events e LEFT JOIN people p ON p.article_seq = e.article_seq AND p.pid = e.asserted_by
         WHERE e.article_seq IN (${sql}) ORDER BY e.article_seq, e.start_at`,
        params,
      );
      for (const r of rows) {
        const a = heads.get(Number(r.article_seq))!;
        yield {
          article: a.id,
          type: r.type,
          mode: r.mode,
          status: r.status,
          actor: r.actor_text,
          target: r.target_text,
          place: r.place_text,
          lat: r.lat === null ? null : Number(r.lat),
          lon: r.lon === null ? null : Number(r.lon),
          date: r.date,
          assertedBy: r.asserted_by === 'outlet' ? 'outlet' : (r.speaker ?? r.asserted_by),
          evidence: r.evidence,
          title: a.title,
          published: a.published,
          url: a.url,
        };
      }
    }
  }

  // ── search ───────────────────────────────────────────────────────────────

  /**
   * The corpus as BM25 sees it: how many articles, their mean length, and
   * each one's length. Read again at most every few seconds (other writers
   * add articles), new articles only; this store's own writes start afresh.
   */
  private async corpusStats(): Promise<{ articles: number; avgLength: number }> {
    if (this.stats && performance.now() - this.stats.at < 5000) return this.stats;
    const rows = await this.driver.all<{ n: number; total: number | null; top: number | null }>(
      'SELECT COUNT(*) AS n, SUM(length) AS total, MAX(seq) AS top FROM articles',
    );
    const n = Number(rows[0]!.n);
    const top = Number(rows[0]!.top ?? 0);
    const load = async (after: number) => {
      if (top >= this.lengths.length) {
        const grown = new Int32Array(Math.max(top + 1, this.lengths.length * 2));
        grown.set(this.lengths);
        this.lengths = grown;
      }
      const fresh = await this.driver.all<{
        seq: number;
        length: number;
        id: string;
        published: string | null;
      }>('SELECT seq, length, id, published FROM articles WHERE seq > ?', [after]);
      for (const r of fresh) {
        const seq = Number(r.seq);
        this.lengths[seq] = Math.max(1, Number(r.length));
        this.headOf[seq] = { id: r.id, published: r.published ?? null };
      }
      if (fresh.length) this.newestFirst = null;
      this.lengthsCount += fresh.length;
      this.lengthsUpTo = Math.max(this.lengthsUpTo, top);
    };
    await load(this.lengthsUpTo);
    // Articles replaced by another writer leave seqs behind that are no longer stored: read all again.
    if (this.lengthsCount !== n) {
      this.lengths = new Int32Array(0);
      this.lengthsUpTo = 0;
      this.lengthsCount = 0;
      this.headOf = [];
      this.newestFirst = null;
      await load(0);
    }
    this.stats = { at: performance.now(), articles: n, avgLength: n ? Number(rows[0]!.total ?? 0) / n : 0 };
    return this.stats;
  }

  /** Forget the corpus statistics (after this store changed stored articles). */
  private invalidateStats(replaced: boolean): void {
    this.stats = null;
    this.segmentList = null;
    if (replaced) {
      this.lengths = new Int32Array(0);
      this.lengthsUpTo = 0;
      this.lengthsCount = 0;
      this.headOf = [];
      this.newestFirst = null;
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const { limit: rawLimit, offset: rawOffset, ...given } = options;
    const parsed = parseQuery(query, given);
    const limit = Math.max(0, Math.min(100, Math.floor(rawLimit ?? 10)));
    const offset = Math.max(0, Math.floor(rawOffset ?? 0));
    // The stored articles first: postings (words' and facets') are read against them.
    const stats = await this.corpusStats();
    const allowed = await this.filterSet(parsed.filters);
    if (!parsed.clauses.length) return this.filterOnly(parsed, allowed, limit, offset);
    // Each clause: the articles it matches, with its BM25 contribution.
    let scores: Map<number, number> | null = null;
    const matched: Clause[] = [];
    for (const clause of parsed.clauses) {
      const contribution = await this.clauseScores(clause, stats, scores ? new Set(scores.keys()) : allowed);
      matched.push(clause);
      if (!scores) scores = contribution;
      else {
        const next = new Map<number, number>();
        for (const [seq, s] of scores) {
          const c = contribution.get(seq);
          if (c !== undefined) next.set(seq, s + c);
        }
        scores = next;
      }
      if (!scores.size) break;
    }
    scores ??= new Map();
    for (const clause of parsed.excluded) {
      const out = await this.clauseScores(clause, stats, new Set(scores.keys()));
      for (const seq of out.keys()) scores.delete(seq);
    }
    if (allowed) for (const seq of [...scores.keys()]) if (!allowed.has(seq)) scores.delete(seq);
    const ranked = [...scores].map(([seq, score]) => ({ seq, score }));
    const hits = await this.hitsOf(ranked, parsed, limit, offset, true);
    return { query: parsed, total: ranked.length, hits };
  }

  /** Articles a clause matches and its score in each; `within` limits the articles looked at. */
  private async clauseScores(
    clause: Clause,
    stats: { articles: number; avgLength: number },
    within: Set<number> | null,
  ): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    const lengths = this.lengths;
    const N = Math.max(1, stats.articles);
    const avg = stats.avgLength || 1;
    const bm25 = (tf: number, df: number, len: number) =>
      Math.log(1 + (N - df + 0.5) / (df + 0.5)) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg)));
    const addTerm = async (termId: number, into: Map<number, number>, merge: 'sum' | 'max') => {
      const rows = await this.postings(termId, false);
      for (const r of rows) {
        if (within && !within.has(r.seq)) continue;
        const s = bm25(r.tf, rows.length, lengths[r.seq] || avg);
        const had = into.get(r.seq);
        into.set(r.seq, had === undefined ? s : merge === 'sum' ? had + s : Math.max(had, s));
      }
    };
    if (clause.kind === 'term') {
      const id = await this.termId(clause.term);
      if (id !== null) await addTerm(id, out, 'sum');
      return out;
    }
    if (clause.kind === 'prefix') {
      // The terms it stands for (the first PREFIX_CANDIDATES in order), the most frequent MAX_EXPANSION of them.
      const candidates = await this.driver.all<{ id: number }>(
        'SELECT id FROM terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?',
        [clause.prefix, `${clause.prefix}\uffff`, PREFIX_CANDIDATES],
      );
      const segments = await this.liveSegments();
      if (!candidates.length || !segments.length) return out;
      const ids = candidates.map((r) => Number(r.id));
      const rows = await this.driver.all<{ term_id: number; n: number }>(
        `SELECT term_id, SUM(n) AS n FROM postings
         WHERE segment IN (${segments.map(() => '?').join(', ')}) AND term_id IN (${ids.map(() => '?').join(', ')})
         GROUP BY term_id ORDER BY n DESC, term_id LIMIT ?`,
        [...segments, ...ids, MAX_EXPANSION],
      );
      for (const r of rows) await addTerm(Number(r.term_id), out, 'max');
      return out;
    }
    // A phrase: its words at consecutive positions; scored as its words are, counted by its occurrences.
    const ids: number[] = [];
    for (const t of clause.terms) {
      const id = await this.termId(t);
      if (id === null) return out;
      ids.push(id);
    }
    const lists = [];
    for (const id of ids) lists.push(await this.postings(id, true));
    let docs = new Map<number, number[]>(
      lists[0]!.filter((r) => !within || within.has(r.seq)).map((r) => [r.seq, r.positions!]),
    );
    for (let k = 1; k < lists.length && docs.size; k++) {
      const next = new Map<number, number[]>();
      for (const r of lists[k]!) {
        const starts = docs.get(r.seq);
        if (!starts) continue;
        const here = new Set(r.positions!);
        const kept = starts.filter((p) => here.has(p + k));
        if (kept.length) next.set(r.seq, kept);
      }
      docs = next;
    }
    for (const [seq, starts] of docs) {
      let s = 0;
      for (const list of lists) s += bm25(starts.length, list.length, lengths[seq] || avg);
      out.set(seq, s);
    }
    return out;
  }

  private async termId(term: string): Promise<number | null> {
    const hit = this.termIds.get(term);
    if (hit !== undefined) return hit;
    const rows = await this.driver.all<{ id: number }>('SELECT id FROM terms WHERE term = ?', [term]);
    if (!rows.length) return null;
    const id = Number(rows[0]!.id);
    this.termIds.set(term, id);
    return id;
  }

  /** The ids of the live segments of the search index (re-read every few seconds, and after this store's writes). */
  private async liveSegments(): Promise<number[]> {
    if (this.segmentList && performance.now() - this.segmentList.at < SEGMENT_LIST_MS)
      return this.segmentList.ids;
    const rows = await this.driver.all<{ id: number }>(
      'SELECT id FROM segments WHERE retired IS NULL ORDER BY id',
    );
    this.segmentList = { at: performance.now(), ids: rows.map((r) => Number(r.id)) };
    return this.segmentList.ids;
  }

  /** A term's postings over the live segments, of stored articles only (corpusStats' lengths). */
  private async postings(termId: number, withPositions: boolean): Promise<Posting[]> {
    const segments = await this.liveSegments();
    if (!segments.length) return [];
    const rows = await this.driver.all<{ data: Uint8Array }>(
      `SELECT data FROM postings WHERE segment IN (${segments.map(() => '?').join(', ')}) AND term_id = ?`,
      [...segments, termId],
    );
    const lengths = this.lengths;
    const out: Posting[] = [];
    for (const r of rows)
      for (const p of decodePostings(toBytes(r.data), withPositions)) if (lengths[p.seq]) out.push(p);
    return out;
  }

  /** Articles the filters allow, or null when there are none. */
  private async filterSet(f: SearchFilters): Promise<Set<number> | null> {
    const sets: Set<number>[] = [];
    const add = async (sql: string, params: Param[]) => {
      const rows = await this.driver.all<{ seq: number }>(sql, params);
      sets.push(new Set(rows.map((r) => Number(r.seq))));
    };
    if (f.speaker) {
      // A full name, or one word of it: persons whose name is it, or starts or ends with it.
      // Looked up by indexed columns (the last word, the key, a range of keys), then narrowed here.
      const key = nameKey(f.speaker);
      const full = `name:${key}`;
      const candidates = await this.driver.all<{ id: number; key: string; last_word: string }>(
        'SELECT id, key, last_word FROM persons WHERE last_word = ? OR last_word = ? OR (key >= ? AND key < ?)',
        [key, lastWord(key), `${full} `, `${full} \uffff`],
      );
      const ids = candidates
        .filter(
          (p) =>
            p.last_word === key ||
            p.key === full ||
            p.key.startsWith(`${full} `) ||
            p.key.endsWith(` ${key}`),
        )
        .map((p) => Number(p.id));
      const seqs = new Set<number>();
      for (let at = 0; at < ids.length; at += IN_CHUNK) {
        const part = ids.slice(at, at + IN_CHUNK);
        const rows = await this.driver.all<{ seq: number }>(
          `SELECT DISTINCT article_seq AS seq FROM quotes WHERE person_id IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        for (const r of rows) seqs.add(Number(r.seq));
      }
      sets.push(seqs);
    }
    const facet = async (term: string) => {
      const id = term ? await this.termId(term) : null;
      sets.push(new Set(id === null ? [] : (await this.postings(id, false)).map((p) => p.seq)));
    };
    if (f.org) await facet(facetTerm('org', f.org));
    if (f.place) await facet(facetTerm('place', f.place));
    if (f.type) await facet(facetTerm('type', f.type));
    if (f.outlet) await facet(facetTerm('outlet', f.outlet));
    if (f.from || f.to) {
      const from = f.from ?? '';
      const to = f.to ? endOfDay(f.to) : '\uffff';
      await add('SELECT seq FROM articles WHERE published >= ? AND published <= ?', [from, to]);
    }
    if (!sets.length) return null;
    sets.sort((a, b) => a.size - b.size);
    const [first, ...rest] = sets as [Set<number>, ...Set<number>[]];
    return new Set([...first].filter((s) => rest.every((r) => r.has(s))));
  }

  private async filterOnly(
    parsed: ParsedQuery,
    allowed: Set<number> | null,
    limit: number,
    offset: number,
  ): Promise<SearchResult> {
    if (!allowed) return { query: parsed, total: 0, hits: [] };
    // Newest first: the allowed ones in the order of all stored articles, kept sorted (no sort per search).
    const page: { seq: number; score: number }[] = [];
    let total = 0;
    for (const seq of this.newestOrder()) {
      if (!allowed.has(seq)) continue;
      if (total >= offset && page.length < limit) page.push({ seq, score: 0 });
      total++;
    }
    return { query: parsed, total, hits: await this.materialize(page, parsed) };
  }

  /**
   * The page of hits: by score (ties by id, so both engines agree), or newest
   * first when there is no score, with a snippet around the best match.
   */
  private async hitsOf(
    ranked: { seq: number; score: number }[],
    parsed: ParsedQuery,
    limit: number,
    offset: number,
    byScore: boolean,
  ): Promise<SearchHit[]> {
    if (!ranked.length || !limit || offset >= ranked.length) return [];
    let head = ranked;
    if (byScore) {
      ranked.sort((a, b) => b.score - a.score);
      // Every article that could be on the page: down to the page's last score, ties included.
      const cut = ranked[Math.min(ranked.length, offset + limit) - 1]!.score;
      head = ranked.filter((r) => r.score >= cut);
    }
    const info = new Map<number, { id: string; published: string | null }>();
    for (const r of head) {
      const known = this.headOf[r.seq];
      if (known) info.set(r.seq, known);
    }
    const unknown = head.filter((r) => !info.has(r.seq));
    for (let at = 0; at < unknown.length; at += IN_CHUNK) {
      const part = unknown.slice(at, at + IN_CHUNK).map((r) => r.seq);
      const rows = await this.driver.all<{ seq: number; id: string; published: string | null }>(
        `SELECT seq, id, published FROM articles WHERE seq IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const r of rows) info.set(Number(r.seq), { id: r.id, published: r.published });
    }
    // An article replaced since the postings were read is not there any more.
    head = head.filter((r) => info.has(r.seq));
    // Ties go by article id, which both engines share (their seq numbers may differ).
    const byId = (a: { seq: number }, b: { seq: number }) => {
      const x = info.get(a.seq)!.id;
      const y = info.get(b.seq)!.id;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    head.sort(
      byScore
        ? (a, b) => b.score - a.score || byId(a, b)
        : (a, b) => newer(info.get(a.seq)!, info.get(b.seq)!),
    );
    return this.materialize(head.slice(offset, offset + limit), parsed);
  }

  /** Stored seqs, newest first (ties by id), as of the corpus statistics. */
  private newestOrder(): Int32Array {
    if (this.newestFirst) return this.newestFirst;
    const seqs: number[] = [];
    for (let seq = 0; seq < this.lengths.length; seq++)
      if (this.lengths[seq] && this.headOf[seq]) seqs.push(seq);
    seqs.sort((a, b) => newer(this.headOf[a]!, this.headOf[b]!));
    this.newestFirst = Int32Array.from(seqs);
    return this.newestFirst;
  }

  /** A page of hits: each article's head and a snippet around its best match. */
  private async materialize(
    page: readonly { seq: number; score: number }[],
    parsed: ParsedQuery,
  ): Promise<SearchHit[]> {
    if (!page.length) return [];
    const rows = await this.driver.all<{
      seq: number;
      id: string;
      title: string | null;
      outlet: string | null;
      published: string | null;
      url: string | null;
      record: string;
    }>(
      `SELECT seq, id, title, outlet, published, url, record FROM articles WHERE seq IN (${page.map(() => '?').join(', ')})`,
      page.map((p) => p.seq),
    );
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    return page.flatMap(({ seq, score }) => {
      const r = bySeq.get(seq);
      if (!r) return [];
      const text = recordText(r.record);
      return {
        id: r.id,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
        url: r.url,
        score,
        snippet: snippetOf(text, parsed),
      };
    });
  }
}

const SNIPPET_WORDS = 30;

/**
 * A stored record's text without parsing the whole record: the record is
 * written by JSON.stringify with `text` among its first keys, so the string
 * after «"text":» is read alone (its escapes honoured). Any other shape: the
 * whole record is parsed.
 */
export function recordText(json: string): string {
  const at = json.indexOf('"text":"');
  // Only a key of the record itself: before it, only "schema" and "id" (short values).
  if (at > 0 && at < 200) {
    const from = at + 7;
    let i = from + 1;
    for (; i < json.length; i++) {
      const c = json.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) break;
    }
    if (i < json.length) return JSON.parse(json.slice(from, i + 1)) as string;
  }
  return (JSON.parse(json) as ArticleRecord).text;
}

/** Newer first (undated last), then by id: the order of hits without a score, the same on both engines. */
function newer(
  a: { readonly id: string; readonly published: string | null },
  b: { readonly id: string; readonly published: string | null },
): number {
  const x = a.published ?? '';
  const y = b.published ?? '';
  if (x !== y) return x < y ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The stretch of text with the most matched words, and the matched words in it. */
export function snippetOf(text: string, parsed: ParsedQuery): Snippet {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const c of parsed.clauses) {
    if (c.kind === 'term') terms.add(c.term);
    else if (c.kind === 'phrase') for (const t of c.terms) terms.add(t);
    else prefixes.push(c.prefix);
  }
  const distinct = terms.size + prefixes.length;
  // The indexed words read so far: their spans, and which query word each matches (or null).
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: (string | null)[] = [];
  const inWindow = new Map<string, number>();
  let bestAt = 0;
  let best = -1;
  let hits = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  for (const t of tokenize(text)) {
    const term = termAt(text, t);
    if (!term) continue;
    const i = keys.length;
    if (i >= stopAt) break;
    const key = terms.has(term) ? term : (prefixes.find((p) => term.startsWith(p)) ?? null);
    starts.push(t.start);
    ends.push(t.end);
    keys.push(key);
    if (key) {
      hits++;
      inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
    }
    const leaving = i >= SNIPPET_WORDS ? keys[i - SNIPPET_WORDS] : null;
    if (leaving) {
      hits--;
      const n = inWindow.get(leaving)! - 1;
      if (n) inWindow.set(leaving, n);
      else inWindow.delete(leaving);
    }
    if (hits > best) {
      best = hits;
      bestAt = Math.max(0, i - SNIPPET_WORDS + 1);
      // Every query word in one window: no window can hold more kinds. Read on only as far
      // as the snippet reaches, not to the end of the article.
      if (distinct && inWindow.size === distinct) stopAt = bestAt + SNIPPET_WORDS;
    }
  }
  if (!keys.length)
    return { text: text.slice(0, 200), start: 0, end: Math.min(200, text.length), highlights: [] };
  // Start a little before the first match of the window, so it reads in context.
  let firstHit = -1;
  for (let i = bestAt; i < keys.length; i++)
    if (keys[i]) {
      firstHit = i;
      break;
    }
  const from = firstHit >= 0 ? Math.max(0, Math.min(bestAt, firstHit - 5)) : 0;
  const to = Math.min(keys.length, from + SNIPPET_WORDS);
  const start = starts[from]!;
  const end = ends[to - 1]!;
  const highlights: { start: number; end: number }[] = [];
  for (let i = from; i < to; i++) if (keys[i]) highlights.push({ start: starts[i]!, end: ends[i]! });
  return { text: text.slice(start, end), start, end, highlights };
}

/** A quotation as exported: who, what, through which channel, where and when it was published. */
export interface QuoteRow {
  readonly article: string;
  readonly quote: string;
  readonly speaker: string | null;
  readonly titles: readonly string[];
  readonly affiliations: readonly string[];
  readonly kind: string;
  readonly verb: string | null;
  readonly content: string;
  readonly channel: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** The statement this quotation repeats (the same number for every outlet that reported it). */
  readonly statement: number | null;
}

export interface PlaceRow {
  readonly article: string;
  readonly text: string;
  readonly name: string;
  readonly country: string | null;
  readonly kind: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonames: number | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

export interface EventRow {
  readonly article: string;
  readonly type: string;
  readonly mode: string | null;
  readonly status: string;
  readonly actor: string | null;
  readonly target: string | null;
  readonly place: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly date: string | null;
  readonly assertedBy: string;
  readonly evidence: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
}
