/**
 * The word-frequency lexicon: how often each Arabic word form (without
 * diacritics) occurs in the ANT news corpus. Built by
 * scripts/build-wordfreq.ts; read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../data-path.ts';

export interface WordFrequencies {
  /** Occurrences of `form` (diacritics removed, letters as written); 0 when unseen. */
  count(form: string): number;
  readonly size: number;
}

class MapFrequencies implements WordFrequencies {
  constructor(private readonly counts: Map<string, number>) {}
  count(form: string): number {
    return this.counts.get(form) ?? 0;
  }
  get size(): number {
    return this.counts.size;
  }
}

/** Parse the lexicon's TSV format: `#` comment lines, then `form<TAB>count`. */
export function parseFrequencies(tsv: string): WordFrequencies {
  const counts = new Map<string, number>();
  for (const line of tsv.split('\n')) {
    if (!line || line.charCodeAt(0) === 0x23 /* # */) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return new MapFrequencies(counts);
}

/** A lexicon from an in-memory table, for tests and callers with their own counts. */
export const frequenciesFrom = (entries: Iterable<readonly [string, number]>): WordFrequencies =>
  new MapFrequencies(new Map(entries));

let shared: WordFrequencies | null = null;
/** The shipped lexicon, loaded on first call. */
export function wordFrequencies(): WordFrequencies {
  shared ??= parseFrequencies(readFileSync(dataPath('lexicon/ar-wordfreq.tsv'), 'utf8'));
  return shared;
}
