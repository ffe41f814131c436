/**
 * Reading the store the way a reader browses it (the HTTP API and the web
 * UI): articles newest first, people with what they said across outlets,
 * quotations, statements reported by several outlets (earliest first),
 * places and events for a map, predictions by due date, and the values
 * worth offering as search facets.
 *
 * Every query is portable SQL over the tables of schema.ts, run the same on
 * both engines; values that come from a request are parameters, never SQL
 * (LIKE patterns are escaped too). Pages are bounded here, whatever asks.
 */
import { endOfDay, filterKey } from '../search/query.ts';
import { termTokens } from '../search/terms.ts';
import { dueDate } from '../text/dates.ts';
import type { Driver, Param } from './driver.ts';
import { nameKey } from './identity.ts';
import type { Store } from './store.ts';

export interface Page<T> {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly T[];
}

export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

export const MAX_PAGE = 200;

function pageOf(r: PageRequest, fallback = 20): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(r.limit ?? fallback)));
  const offset = Math.max(0, Math.min(1_000_000, Math.floor(r.offset ?? 0)));
  return { limit, offset };
}

/** A LIKE pattern matching `value` anywhere, its wildcards taken literally (ESCAPE '\'). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => (typeof v === 'string' && v ? (JSON.parse(v) as string[]) : []);

export interface ArticleSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly quotes: number;
}

export interface QuoteItem {
  readonly article: string;
  readonly quote: string;
  readonly kind: string;
  readonly content: string;
  readonly start: number;
  readonly end: number;
  readonly verb: string | null;
  readonly channel: string | null;
  readonly person: number | null;
  readonly speaker: string | null;
  readonly titles: readonly string[];
  readonly statement: number | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

export interface PersonSummary {
  readonly id: number;
  readonly name: string;
  readonly wikidata: string | null;
  readonly quotes: number;
  readonly articles: number;
}

export interface EvidenceSpan {
  readonly text: string;
  readonly first: string | null;
  readonly last: string | null;
  readonly articles: number;
}

export interface PersonDetail {
  readonly id: number;
  readonly name: string;
  readonly wikidata: string | null;
  readonly group: boolean;
  readonly titles: readonly EvidenceSpan[];
  readonly affiliations: readonly EvidenceSpan[];
  readonly quotes: readonly QuoteItem[];
  /** People quoted in the same articles, most often first. */
  readonly alongside: readonly { readonly id: number; readonly name: string; readonly articles: number }[];
}

export interface StatementSummary {
  readonly id: number;
  readonly size: number;
  readonly firstPublished: string | null;
  readonly person: number | null;
  readonly speaker: string | null;
  readonly content: string;
}

export interface PlacePoint {
  readonly name: string;
  readonly country: string | null;
  readonly kind: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly geonames: number | null;
  readonly articles: number;
  readonly mentions: number;
}

export interface EventItem {
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
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  readonly title: string | null;
  readonly published: string | null;
}

export type ClaimWhen = 'overdue' | 'soon' | 'later' | 'all';

export interface ClaimItem {
  readonly article: string;
  readonly kind: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly due: string | null;
  readonly quote: string | null;
  readonly person: number | null;
  readonly speaker: string | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface TimeFilter {
  /** ISO dates (a date alone covers its whole day). */
  readonly from?: string;
  readonly to?: string;
}

/** Conditions on articles.published (alias `a`) for a time filter. */
function publishedBetween(t: TimeFilter, where: string[], params: Param[], column = 'a.published'): void {
  if (t.from) {
    where.push(`${column} >= ?`);
    params.push(t.from);
  }
  if (t.to) {
    where.push(`${column} <= ?`);
    params.push(endOfDay(t.to));
  }
}

const whereSql = (where: readonly string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** The store read as the API and UI browse it. */
export class Browse {
  constructor(private readonly store: Store) {}

  private get d(): Driver {
    return this.store.driver;
  }

  /** A page of rows: how many the count query finds in all, and this page of the rows query, mapped. */
  private async paged<T>(
    countSql: string,
    rowsSql: string,
    params: readonly Param[],
    limit: number,
    offset: number,
    map: (r: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const [count] = await this.d.all<{ n: number }>(countSql, params);
    const rows = await this.d.all<Record<string, unknown>>(`${rowsSql} LIMIT ? OFFSET ?`, [
      ...params,
      limit,
      offset,
    ]);
    return { total: num(count?.n), limit, offset, items: rows.map(map) };
  }

  async articles(r: PageRequest & TimeFilter & { outlet?: string } = {}): Promise<Page<ArticleSummary>> {
    const { limit, offset } = pageOf(r);
    const where: string[] = [];
    const params: Param[] = [];
    publishedBetween(r, where, params);
    if (r.outlet) {
      where.push('a.outlet_key = ?');
      params.push(filterKey(r.outlet));
    }
    return this.paged(
      `SELECT COUNT(*) AS n FROM articles a ${whereSql(where)}`,
      `SELECT a.id, a.title, a.outlet, a.published, a.url,
              (SELECT COUNT(*) FROM quotes q WHERE q.article_seq = a.seq) AS quotes
       FROM articles a ${whereSql(where)}
       ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published DESC, a.seq DESC`,
      params,
      limit,
      offset,
      (r) => ({
        id: String(r.id),
        title: text(r.title),
        outlet: text(r.outlet),
        published: text(r.published),
        url: text(r.url),
        quotes: num(r.quotes),
      }),
    );
  }

  /** An article's people (p1, p2 …) as persons across articles; null when the article is not stored. */
  async articlePersons(id: string): Promise<Record<string, number> | null> {
    const [a] = await this.d.all<{ seq: number }>('SELECT seq FROM articles WHERE id = ?', [id]);
    if (!a) return null;
    const rows = await this.d.all<{ pid: string; person_id: number }>(
      'SELECT pid, person_id FROM people WHERE article_seq = ? ORDER BY pid',
      [a.seq],
    );
    return Object.fromEntries(rows.map((r) => [String(r.pid), num(r.person_id)]));
  }

  async people(r: PageRequest & { q?: string } = {}): Promise<Page<PersonSummary>> {
    const { limit, offset } = pageOf(r);
    const where: string[] = [];
    const params: Param[] = [];
    const key = r.q ? nameKey(r.q) : '';
    if (key) {
      where.push("p.key LIKE ? ESCAPE '\\'");
      params.push(containsPattern(key));
    }
    return this.paged(
      `SELECT COUNT(*) AS n FROM persons p ${whereSql(where)}`,
      `SELECT p.id, p.name, p.wikidata, COUNT(q.qid) AS quotes, COUNT(DISTINCT q.article_seq) AS articles
       FROM persons p LEFT JOIN quotes q ON q.person_id = p.id ${whereSql(where)}
       GROUP BY p.id, p.name, p.wikidata
       ORDER BY quotes DESC, p.id`,
      params,
      limit,
      offset,
      (r) => ({
        id: num(r.id),
        name: String(r.name),
        wikidata: text(r.wikidata),
        quotes: num(r.quotes),
        articles: num(r.articles),
      }),
    );
  }

  async person(id: number): Promise<PersonDetail | null> {
    const [p] = await this.d.all<Record<string, unknown>>(
      'SELECT id, name, wikidata, grp FROM persons WHERE id = ?',
      [id],
    );
    if (!p) return null;
    const evidence = await this.d.all<Record<string, unknown>>(
      `SELECT e.kind, e.text, MIN(a.published) AS first, MAX(a.published) AS last, COUNT(DISTINCT e.article_seq) AS n
       FROM person_evidence e JOIN articles a ON a.seq = e.article_seq
       WHERE e.person_id = ? GROUP BY e.kind, e.text ORDER BY first, e.text`,
      [id],
    );
    const span = (r: Record<string, unknown>): EvidenceSpan => ({
      text: String(r.text),
      first: text(r.first),
      last: text(r.last),
      articles: num(r.n),
    });
    const quotes = await this.quoteRows(['q.person_id = ?'], [id], 500, 0, 'ASC');
    const alongside = await this.d.all<Record<string, unknown>>(
      `SELECT o.id, o.name, COUNT(DISTINCT q2.article_seq) AS n
       FROM quotes q1 JOIN quotes q2 ON q2.article_seq = q1.article_seq AND q2.person_id <> q1.person_id
       JOIN persons o ON o.id = q2.person_id
       WHERE q1.person_id = ? GROUP BY o.id, o.name ORDER BY n DESC, o.id LIMIT 20`,
      [id],
    );
    return {
      id: num(p.id),
      name: String(p.name),
      wikidata: text(p.wikidata),
      group: num(p.grp) === 1,
      titles: evidence.filter((e) => e.kind === 'title').map(span),
      affiliations: evidence.filter((e) => e.kind === 'affiliation').map(span),
      quotes,
      alongside: alongside.map((r) => ({ id: num(r.id), name: String(r.name), articles: num(r.n) })),
    };
  }

  private async quoteRows(
    where: readonly string[],
    params: readonly Param[],
    limit: number,
    offset: number,
    order: 'ASC' | 'DESC',
  ): Promise<QuoteItem[]> {
    const rows = await this.d.all<Record<string, unknown>>(
      `SELECT a.id AS article, q.qid, q.kind, q.content, q.content_start, q.content_end, q.verb, q.channel_text,
              q.person_id, pe.name AS speaker, pe.titles, q.cluster_id, a.title, a.outlet, a.published, a.url
       FROM quotes q JOIN articles a ON a.seq = q.article_seq
       LEFT JOIN people pe ON pe.article_seq = q.article_seq AND pe.pid = q.speaker_pid
       ${whereSql(where)}
       ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published ${order}, a.seq ${order}, q.content_start
       LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return rows.map((r) => ({
      article: String(r.article),
      quote: String(r.qid),
      kind: String(r.kind),
      content: String(r.content),
      start: num(r.content_start),
      end: num(r.content_end),
      verb: text(r.verb),
      channel: text(r.channel_text),
      person: numOrNull(r.person_id),
      speaker: text(r.speaker),
      titles: strings(r.titles),
      statement: numOrNull(r.cluster_id),
      title: text(r.title),
      outlet: text(r.outlet),
      published: text(r.published),
      url: text(r.url),
    }));
  }

  /**
   * Quotations, newest first, filtered by speaker, outlet and time; with `q`,
   * only those whose own words hold every word of it (Arabic-aware: the
   * search index's terms), among the articles the search finds.
   */
  async quotes(
    r: PageRequest & TimeFilter & { q?: string; speaker?: string; outlet?: string; kind?: string } = {},
  ): Promise<Page<QuoteItem>> {
    const { limit, offset } = pageOf(r);
    const where: string[] = [];
    const params: Param[] = [];
    publishedBetween(r, where, params);
    if (r.speaker) {
      where.push("pe.name_key LIKE ? ESCAPE '\\'");
      params.push(containsPattern(nameKey(r.speaker)));
    }
    if (r.outlet) {
      where.push('a.outlet_key = ?');
      params.push(filterKey(r.outlet));
    }
    if (r.kind) {
      where.push('q.kind = ?');
      params.push(r.kind);
    }
    if (r.q?.trim()) {
      const wanted = [...new Set(termTokens(r.q).map((t) => t.term))];
      if (!wanted.length) return { total: 0, limit, offset, items: [] };
      const found = await this.store.search(r.q, {
        limit: 100,
        ...(r.from ? { from: r.from } : {}),
        ...(r.to ? { to: r.to } : {}),
        ...(r.outlet ? { outlet: r.outlet } : {}),
      });
      if (!found.hits.length) return { total: 0, limit, offset, items: [] };
      where.push(`a.id IN (${found.hits.map(() => '?').join(', ')})`);
      params.push(...found.hits.map((h) => h.id));
      const all = await this.quoteRows(where, params, 5000, 0, 'DESC');
      const matching = all.filter((quote) => {
        const terms = new Set(termTokens(quote.content).map((t) => t.term));
        return wanted.every((w) => terms.has(w));
      });
      return { total: matching.length, limit, offset, items: matching.slice(offset, offset + limit) };
    }
    const [count] = await this.d.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM quotes q JOIN articles a ON a.seq = q.article_seq
       LEFT JOIN people pe ON pe.article_seq = q.article_seq AND pe.pid = q.speaker_pid ${whereSql(where)}`,
      params,
    );
    return {
      total: num(count?.n),
      limit,
      offset,
      items: await this.quoteRows(where, params, limit, offset, 'DESC'),
    };
  }

  /** Statements reported more than once, the most reported first. */
  async statements(r: PageRequest = {}): Promise<Page<StatementSummary>> {
    const { limit, offset } = pageOf(r);
    return this.paged(
      'SELECT COUNT(*) AS n FROM clusters WHERE size > 1',
      `SELECT c.id, c.size, c.first_published, c.person_id, p.name,
              (SELECT q.content FROM quotes q WHERE q.cluster_id = c.id ORDER BY q.published, q.article_seq LIMIT 1) AS content
       FROM clusters c LEFT JOIN persons p ON p.id = c.person_id
       WHERE c.size > 1 ORDER BY c.size DESC, c.id`,
      [],
      limit,
      offset,
      (r) => ({
        id: num(r.id),
        size: num(r.size),
        firstPublished: text(r.first_published),
        person: numOrNull(r.person_id),
        speaker: text(r.name),
        content: String(r.content ?? ''),
      }),
    );
  }

  /** One statement as each outlet reported it, earliest first (the chain of transmission). */
  async statement(id: number): Promise<{ id: number; quotes: QuoteItem[] } | null> {
    const [c] = await this.d.all<{ id: number }>('SELECT id FROM clusters WHERE id = ?', [id]);
    if (!c) return null;
    return { id, quotes: await this.quoteRows(['q.cluster_id = ?'], [id], MAX_PAGE, 0, 'ASC') };
  }

  /** Places with coordinates, by how many articles name them. */
  async places(r: TimeFilter & { limit?: number } = {}): Promise<PlacePoint[]> {
    const limit = Math.max(1, Math.min(5000, Math.floor(r.limit ?? 1000)));
    const where = ['pl.lat IS NOT NULL', 'pl.lon IS NOT NULL'];
    const params: Param[] = [];
    publishedBetween(r, where, params);
    const rows = await this.d.all<Record<string, unknown>>(
      `SELECT pl.name, pl.country, pl.kind, pl.lat, pl.lon, pl.geonames,
              COUNT(DISTINCT pl.article_seq) AS articles, COUNT(*) AS mentions
       FROM places pl JOIN articles a ON a.seq = pl.article_seq ${whereSql(where)}
       GROUP BY pl.name, pl.country, pl.kind, pl.lat, pl.lon, pl.geonames
       ORDER BY articles DESC, pl.name LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      name: String(r.name),
      country: text(r.country),
      kind: text(r.kind),
      lat: Number(r.lat),
      lon: Number(r.lon),
      geonames: numOrNull(r.geonames),
      articles: num(r.articles),
      mentions: num(r.mentions),
    }));
  }

  /** Events, newest first; `located` keeps those with a place on the map. */
  async events(
    r: PageRequest & TimeFilter & { type?: string; status?: string; located?: boolean } = {},
  ): Promise<Page<EventItem>> {
    const { limit, offset } = pageOf(r, 100);
    const where: string[] = [];
    const params: Param[] = [];
    publishedBetween(r, where, params);
    if (r.type) {
      where.push('e.type = ?');
      params.push(r.type.toUpperCase());
    }
    if (r.status) {
      where.push('e.status = ?');
      params.push(r.status);
    }
    if (r.located) where.push('e.lat IS NOT NULL AND e.lon IS NOT NULL');
    return this.paged(
      `SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.seq = e.article_seq ${whereSql(where)}`,
      `SELECT a.id AS article, e.type, e.mode, e.status, e.actor_text, e.target_text, e.place_text, e.lat, e.lon,
              e.date, e.evidence, e.start_at, e.end_at, a.title, a.published
       FROM events e JOIN articles a ON a.seq = e.article_seq ${whereSql(where)}
       ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published DESC, a.seq DESC, e.start_at`,
      params,
      limit,
      offset,
      (r) => ({
        article: String(r.article),
        type: String(r.type),
        mode: text(r.mode),
        status: String(r.status),
        actor: text(r.actor_text),
        target: text(r.target_text),
        place: text(r.place_text),
        lat: numOrNull(r.lat),
        lon: numOrNull(r.lon),
        date: text(r.date),
        evidence: String(r.evidence),
        start: num(r.start_at),
        end: num(r.end_at),
        title: text(r.title),
        published: text(r.published),
      }),
    );
  }

  /**
   * Predictions with a due date: overdue (due before `today`), soon (within
   * `soonDays`), later, or all; overdue and soon first by due date.
   */
  async claims(
    r: PageRequest & { when?: ClaimWhen; today: string; soonDays?: number; kind?: string },
  ): Promise<Page<ClaimItem>> {
    const { limit, offset } = pageOf(r, 50);
    const where = ['c.kind = ?'];
    const params: Param[] = [r.kind ?? 'prediction'];
    // The horizon's due date from `today` is `today` plus the days.
    const soon = dueDate({ days: r.soonDays ?? 30 }, r.today) ?? r.today;
    const when = r.when ?? 'all';
    if (when !== 'all' || (r.kind ?? 'prediction') === 'prediction') where.push('c.due IS NOT NULL');
    if (when === 'overdue') {
      where.push('c.due < ?');
      params.push(r.today);
    } else if (when === 'soon') {
      where.push('c.due >= ? AND c.due <= ?');
      params.push(r.today, soon);
    } else if (when === 'later') {
      where.push('c.due > ?');
      params.push(soon);
    }
    return this.paged(
      `SELECT COUNT(*) AS n FROM claims c ${whereSql(where)}`,
      `SELECT a.id AS article, c.kind, c.text, c.start_at, c.end_at, c.due, c.quote_qid, c.person_id,
              pe.name AS speaker, a.title, a.outlet, a.published
       FROM claims c JOIN articles a ON a.seq = c.article_seq
       LEFT JOIN people pe ON pe.article_seq = c.article_seq AND pe.pid = c.speaker_pid
       ${whereSql(where)}
       ORDER BY CASE WHEN c.due IS NULL THEN 1 ELSE 0 END, c.due, a.seq, c.start_at`,
      params,
      limit,
      offset,
      (r) => ({
        article: String(r.article),
        kind: String(r.kind),
        text: String(r.text),
        start: num(r.start_at),
        end: num(r.end_at),
        due: text(r.due),
        quote: text(r.quote_qid),
        person: numOrNull(r.person_id),
        speaker: text(r.speaker),
        title: text(r.title),
        outlet: text(r.outlet),
        published: text(r.published),
      }),
    );
  }

  /** Values worth offering in the search's filters, the most frequent first. */
  async facets(top = 30): Promise<Facets> {
    const n = Math.max(1, Math.min(200, top));
    const pairs = async (sql: string) =>
      (await this.d.all<{ v: string; n: number }>(sql, [n])).map((r) => ({
        value: String(r.v),
        count: num(r.n),
      }));
    return {
      outlets: await pairs(
        'SELECT outlet AS v, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, v LIMIT ?',
      ),
      types: await pairs(
        'SELECT type AS v, COUNT(DISTINCT article_seq) AS n FROM events GROUP BY type ORDER BY n DESC, v LIMIT ?',
      ),
      organisations: await pairs(
        `SELECT COALESCE(canonical, text) AS v, COUNT(DISTINCT article_seq) AS n FROM entities WHERE type = 'ORG'
         GROUP BY COALESCE(canonical, text) ORDER BY n DESC, v LIMIT ?`,
      ),
      places: await pairs(
        'SELECT name AS v, COUNT(DISTINCT article_seq) AS n FROM places GROUP BY name ORDER BY n DESC, v LIMIT ?',
      ),
      speakers: await pairs(
        `SELECT p.name AS v, COUNT(*) AS n FROM quotes q JOIN persons p ON p.id = q.person_id
         GROUP BY p.id, p.name ORDER BY n DESC, v LIMIT ?`,
      ),
    };
  }

  async stats(): Promise<Stats> {
    const counts = await this.store.counts();
    const [range] = await this.d.all<{ first: string | null; last: string | null }>(
      'SELECT MIN(published) AS first, MAX(published) AS last FROM articles',
    );
    const types = await this.d.all<{ type: string; n: number }>(
      'SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type',
    );
    return {
      counts: {
        articles: counts.articles,
        persons: counts.persons,
        quotes: counts.quotes,
        statements: counts.clusters,
        entities: counts.entities,
        places: counts.places,
        events: counts.events,
        claims: counts.claims,
        errors: counts.errors,
      },
      published: { first: range?.first ?? null, last: range?.last ?? null },
      events: types.map((t) => ({ type: String(t.type), count: num(t.n) })),
    };
  }
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface Facets {
  readonly outlets: readonly FacetValue[];
  readonly types: readonly FacetValue[];
  readonly organisations: readonly FacetValue[];
  readonly places: readonly FacetValue[];
  readonly speakers: readonly FacetValue[];
}

export interface Stats {
  readonly counts: Record<string, number>;
  readonly published: { readonly first: string | null; readonly last: string | null };
  readonly events: readonly { readonly type: string; readonly count: number }[];
}
