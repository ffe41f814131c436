/**
 * What the search index holds of one article: its terms (its words', and
 * its facets': facets.ts), each term's positions (postings.ts's bytes), and
 * the article's length in indexed words. Computed where the article is analysed (a worker thread, a queue
 * worker), so the writer only writes; plain data — an array of strings and
 * one byte array — so it crosses a thread or a queue cheaply.
 */
import type { ArticleRecord } from '../record/types.ts';
import { documentTerms } from '../search/terms.ts';
import type { Token } from '../text/tokenize.ts';
import { facetTerms } from './facets.ts';
import { ByteWriter } from './postings.ts';

export interface IndexEntry {
  /** Indexed words in the article. */
  readonly length: number;
  /** The distinct terms, in the order of `data`. */
  readonly terms: readonly string[];
  /** For each term in turn: varint(tf), then its positions as ascending varint deltas. */
  readonly data: Uint8Array;
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
  const w = new ByteWriter(doc.length * 2 + 16);
  const terms: string[] = [];
  for (const [term, positions] of doc.terms) {
    terms.push(term);
    w.varint(positions.length);
    let prev = 0;
    for (const p of positions) {
      w.varint(p - prev);
      prev = p;
    }
  }
  // The article's organisations and places, as terms the filters look up (facets.ts): once, at 0.
  for (const facet of facetTerms(record)) {
    terms.push(facet);
    w.varint(1);
    w.varint(0);
  }
  return { length: doc.length, terms, data: w.done() };
}
