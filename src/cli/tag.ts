/**
 * `isnad tag --conll FILE`: CoNLL-style tokens in (one a line, first column
 * the token, blank lines between sentences), the same lines out with the
 * predicted BIO tag appended as the last column. Tokens are taken as given.
 */

import { readInputs } from '../ingest/inputs.ts';
import { type ConllLine, readConll } from '../ner/conll.ts';
import { nerTagger } from '../ner/model.ts';
import { LineWriter } from './output.ts';

export interface TagOptions {
  readonly maxBytes?: number;
}

/** Tag every sentence of a CoNLL text; returns the output lines (blank lines between sentences). */
export function tagConll(text: string): string[] {
  const sentences = readConll(text);
  // The file is read as one stream of sentences: the second pass looks a window either side.
  const tags = nerTagger().tagDocument(sentences.map((s) => s.map((l: ConllLine) => l.token)));
  const out: string[] = [];
  sentences.forEach((sentence, k) => {
    sentence.forEach((l, i) => {
      // The tag joins the line's columns with the line's own separator: a tab in tab-separated files.
      const raw = l.raw.trimEnd();
      out.push(`${raw}${raw.includes('\t') ? '\t' : ' '}${tags[k]![i]}`);
    });
    out.push('');
  });
  return out;
}

export async function runTag(file: string, options: TagOptions = {}): Promise<number> {
  const writer = new LineWriter();
  for await (const item of readInputs([file], { maxBytes: options.maxBytes })) {
    if (item.kind === 'error') {
      process.stderr.write(`isnad tag: ${item.error.message}\n`);
      return 1;
    }
    for (const line of tagConll(item.article.text)) await writer.line(line);
  }
  return 0;
}
