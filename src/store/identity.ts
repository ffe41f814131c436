/**
 * Who is the same across articles, and which quotations are one statement.
 *
 * People: a person named in full (two words or more) is one person wherever
 * the same name is written, whatever the spelling variants the search form
 * folds («حيدر العبادي», «حيدر العبّادي»). A Wikidata id, when the article
 * gives one, decides. A bare one-word name («العبادي», «ترامب») is never
 * merged on the name alone: only when a known person whose last name it is
 * shares one of its titles or affiliations («الرئيس الأمريكي»), and only
 * when exactly one does. Unnamed groups («مراقبون») stay with their article.
 *
 * Quotations: the same statement reported by several outlets is found by
 * the words of its content, not their order of publication: a bottom-k
 * sketch (the k smallest hashes of its word trigrams, over search terms)
 * estimates how much two contents share (Broder 1997). Contents with fewer
 * than MIN_TERMS terms are too short to tell apart and are not clustered.
 */
import type { Person } from '../record/types.ts';
import { termTokens } from '../search/terms.ts';
import { foldKey } from '../text/normalize.ts';

/** The search form of a name, title or affiliation, with single spaces. */
export function nameKey(text: string): string {
  return foldKey(text).replace(/\s+/g, ' ').trim();
}

export type PersonIdentity =
  /** One key for everyone who shares it. */
  | { readonly kind: 'key'; readonly key: string }
  /** A one-word name: look for a known person by last word and shared evidence first. */
  | { readonly kind: 'surname'; readonly lastWord: string; readonly fallbackKey: string };

export function personIdentity(p: Person, articleId: string): PersonIdentity {
  if (p.group) return { kind: 'key', key: `group:${articleId}:${p.id}` };
  if (p.wikidata) return { kind: 'key', key: `wikidata:${p.wikidata}` };
  const name = nameKey(p.name);
  const words = name.split(' ').filter(Boolean);
  if (words.length >= 2) return { kind: 'key', key: `name:${name}` };
  return { kind: 'surname', lastWord: name, fallbackKey: `single:${name}:${articleId}:${p.id}` };
}

/** The last word of a name: what a one-word mention of the same person is written as. */
export function lastWord(name: string): string {
  const words = nameKey(name).split(' ');
  return words.at(-1) ?? '';
}

/** Titles and affiliations as evidence keys. */
export function evidenceOf(p: Person): { kind: 'title' | 'affiliation'; text: string; key: string }[] {
  const out: { kind: 'title' | 'affiliation'; text: string; key: string }[] = [];
  for (const t of p.titles) out.push({ kind: 'title', text: t, key: nameKey(t) });
  for (const a of p.affiliations) out.push({ kind: 'affiliation', text: a, key: nameKey(a) });
  return out.filter((e) => e.key);
}

export const SKETCH_SIZE = 8;
export const MIN_TERMS = 5;
/** Sketch values two contents must share to be one statement (of SKETCH_SIZE: about Jaccard ½). */
export const MIN_SHARED = 4;

/** FNV-1a of a string, as a signed 32-bit integer (both engines' INTEGER). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The bottom-k sketch of a quotation's content, or null when it is too short to cluster. */
export function contentSketch(content: string): number[] | null {
  const terms = termTokens(content).map((t) => t.term);
  if (terms.length < MIN_TERMS) return null;
  const shingles = new Set<number>();
  for (let i = 0; i + 3 <= terms.length; i++)
    shingles.add(hash32(`${terms[i]} ${terms[i + 1]} ${terms[i + 2]}`));
  return [...shingles].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}
