/**
 * For the developer scripts that compare the pipeline with gold files: the
 * article a gold file annotates — the file beside it («file»), or its «id»
 * in ../shared/corpus/ant-iraq-syria.jsonl — and the scorer's folding.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const corpusPath = new URL('../../shared/corpus/ant-iraq-syria.jsonl', import.meta.url).pathname;
let corpus: Map<string, string> | null = null;

export function goldArticleText(goldFile: string, gold: { id: string; file?: string }): string {
  if (gold.file) return readFileSync(join(dirname(goldFile), gold.file), 'utf8');
  corpus ??= new Map(
    readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .map((r) => [r.id, r.text]),
  );
  const text = corpus.get(gold.id);
  if (text === undefined) throw new Error(`no article ${gold.id} in ${corpusPath}`);
  return text;
}

/** ../shared/eval/score.mjs's norm(): marks off, letters folded, punctuation to spaces. */
export function scorerNorm(s: string): string {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The scorer's token Dice between two snippets (after scorerNorm). */
export function scorerDice(a: string, b: string): number {
  const A = scorerNorm(a).split(' ').filter(Boolean);
  const B = scorerNorm(b).split(' ').filter(Boolean);
  if (!A.length || !B.length) return 0;
  const counts = new Map<string, number>();
  for (const t of A) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of B) {
    const c = counts.get(t);
    if (c) {
      shared++;
      counts.set(t, c - 1);
    }
  }
  return (2 * shared) / (A.length + B.length);
}
