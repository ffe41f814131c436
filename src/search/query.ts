/**
 * The search query language, parsed into terms the index knows:
 *
 *   الحشد الشعبي             every word must occur (in any order), ranked by BM25
 *   "حيدر العبادي"           a phrase: the words one after another
 *   حكوم*                    a prefix: any word that starts so
 *   -داعش                    no article holding the word
 *   speaker:العبادي  org:"الحشد الشعبي"  place:الموصل  type:ASSAULT
 *   outlet:bbc  from:2018-03-01  to:2018-03-31      filters (also given as options)
 *
 * Hostile input is bounded, never an error: a query is cut at MAX_LENGTH
 * characters and MAX_CLAUSES clauses, and whatever was cut or could not be
 * read is said in `notes`.
 */
import { foldKey } from '../text/normalize.ts';
import { prefixOf, termOf } from './terms.ts';

export const MAX_LENGTH = 1000;
export const MAX_CLAUSES = 16;
/** A prefix shorter than this would match half the vocabulary. */
export const MIN_PREFIX = 2;

export type Clause =
  | { readonly kind: 'term'; readonly term: string; readonly text: string }
  | { readonly kind: 'phrase'; readonly terms: readonly string[]; readonly text: string }
  | { readonly kind: 'prefix'; readonly prefix: string; readonly text: string };

export interface SearchFilters {
  /** A speaker's name, or part of it. */
  readonly speaker?: string;
  /** An organisation named in the article (its name or canonical name, or part of it). */
  readonly org?: string;
  /** A place named in the article (as written, or its gazetteer name). */
  readonly place?: string;
  /** A PLOVER event type the article reports. */
  readonly type?: string;
  readonly outlet?: string;
  /** Published on or after / on or before (ISO dates; a date alone covers its whole day). */
  readonly from?: string;
  readonly to?: string;
}

export interface ParsedQuery {
  readonly clauses: readonly Clause[];
  readonly excluded: readonly Clause[];
  readonly filters: SearchFilters;
  /** What was cut, dropped or not understood. */
  readonly notes: readonly string[];
}

const FILTER_KEYS = new Set(['speaker', 'org', 'place', 'type', 'outlet', 'from', 'to']);
const ISO_DATE = /^\d{4}-\d{2}(-\d{2}(T[\d:.]+Z?)?)?$/;

/** Pieces of the raw query: optional «-», optional «key:», and a quoted or bare value. */
const PIECE = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|«([^»]*)»?|(\S+))/giu;

export function parseQuery(raw: string, given: SearchFilters = {}): ParsedQuery {
  const notes: string[] = [];
  let input = raw;
  if (input.length > MAX_LENGTH) {
    notes.push(`query cut to its first ${MAX_LENGTH} characters`);
    input = input.slice(0, MAX_LENGTH);
  }
  // Controls and bidi marks are not part of any word.
  input = input.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ');
  const clauses: Clause[] = [];
  const excluded: Clause[] = [];
  const filters: Record<string, string> = {};
  for (const m of input.matchAll(PIECE)) {
    const negated = m[1] === '-';
    const key = m[2]?.toLowerCase();
    const quoted = m[3] ?? m[4];
    const value = (quoted ?? m[5] ?? '').trim();
    if (key && FILTER_KEYS.has(key)) {
      if (value) filters[key] = value;
      continue;
    }
    const text = key ? `${m[2]}:${value}` : value;
    const clause = quoted !== undefined ? phraseClause(value) : wordClause(text, notes);
    if (!clause) continue;
    const list = negated ? excluded : clauses;
    if (clauses.length + excluded.length >= MAX_CLAUSES) {
      notes.push(`only the first ${MAX_CLAUSES} words and phrases are used`);
      break;
    }
    list.push(clause);
  }
  const merged: SearchFilters = { ...filters, ...definedOnly(given) };
  for (const k of ['from', 'to'] as const) {
    const v = merged[k];
    if (v !== undefined && !ISO_DATE.test(v)) {
      notes.push(`${k}: "${v}" is not a date (YYYY-MM-DD); ignored`);
      delete (merged as Record<string, string>)[k];
    }
  }
  if (merged.type) (merged as Record<string, string>).type = merged.type.toUpperCase();
  return { clauses, excluded, filters: merged, notes };
}

function definedOnly(f: SearchFilters): SearchFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim()));
}

function phraseClause(value: string): Clause | null {
  const terms = value.split(/\s+/).map(termOf).filter(Boolean).slice(0, 12);
  if (!terms.length) return null;
  if (terms.length === 1) return { kind: 'term', term: terms[0]!, text: value };
  return { kind: 'phrase', terms, text: value };
}

function wordClause(text: string, notes: string[]): Clause | null {
  if (text.endsWith('*')) {
    const prefix = prefixOf(text.replace(/\*+$/, ''));
    if (prefix.length < MIN_PREFIX) {
      notes.push(`"${text}": a prefix needs at least ${MIN_PREFIX} letters; ignored`);
      return null;
    }
    return { kind: 'prefix', prefix, text };
  }
  const term = termOf(text);
  return term ? { kind: 'term', term, text } : null;
}

/**
 * The upper bound of a `to` date, to compare with stored ISO dates: a date
 * alone covers its whole day (every date-time that starts with it sorts below).
 */
export function endOfDay(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}\uffff` : to;
}

/** The search form of a filter value, for matching stored names. */
export function filterKey(value: string): string {
  return foldKey(value.trim()).toLowerCase();
}
