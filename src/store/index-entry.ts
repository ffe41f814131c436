/**
 * What the search index holds of one article: each term's frequency and
 * positions, and the article's length in indexed words. Computed where the
 * article is analysed (a worker thread, a queue worker), so the writer only
 * writes; plain data, so it crosses a thread or a queue as it is.
 */
import type { ArticleRecord } from '../record/types.ts';
import { documentTerms, encodePositions } from '../search/terms.ts';
import type { Token } from '../text/tokenize.ts';

export interface IndexEntry {
  readonly length: number;
  /** [term, term frequency, positions as encodePositions bytes] */
  readonly terms: readonly (readonly [string, number, Uint8Array])[];
}

/** An analysed article, ready to store. */
export interface AnalysedArticle {
  readonly record: ArticleRecord;
  /** The resolved pipeline version that made the record. */
  readonly pipeline: string;
  readonly index: IndexEntry;
  /** The record as JSON, when it was made already (on the thread that analysed it). */
  readonly json?: string;
}

/** `tokens`: the record's tokens when the analysis has them (saves tokenising again). */
export function indexEntry(record: ArticleRecord, tokens?: readonly Token[]): IndexEntry {
  const doc = documentTerms(record.text, tokens);
  const terms: [string, number, Uint8Array][] = [];
  for (const [term, positions] of doc.terms) terms.push([term, positions.length, encodePositions(positions)]);
  return { length: doc.length, terms };
}
