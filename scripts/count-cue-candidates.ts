/**
 * Counts, in the ANT corpus, the words that introduce reported speech: the
 * word right before «أن/إن/بأن» (or before a subject and then one of them),
 * and the word before «:» + a quotation mark. Prints the top candidates with
 * their counts, as evidence for data/lexicon/reporting-lemmas.tsv; nothing is
 * written unless an output path is given.
 *
 *   npx tsx scripts/count-cue-candidates.ts [TOP=300] [out.tsv]
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { cliticSegmenter } from '../src/text/clitics.ts';
import { dediacritise } from '../src/text/normalize.ts';
import { type Token, tokenize } from '../src/text/tokenize.ts';

const top = Number(process.argv[2] ?? 300);
const out = process.argv[3];
const corpus = new URL('../../shared/corpus/ant-all.jsonl.gz', import.meta.url).pathname;
const seg = cliticSegmenter();
const COMPLEMENTIZERS = new Set([
  'أن',
  'إن',
  'بأن',
  'ان',
  'بان',
  'إنه',
  'أنه',
  'إنها',
  'أنها',
  'بأنه',
  'بأنها',
  'أنهم',
  'إنهم',
]);
const counts = new Map<string, { total: number; first: number; withSubject: number; colon: number }>();
/** The word without a leading conjunction: «وقال» → «قال». */
function stem(t: Token): string {
  const parts = seg.parts(t.text);
  const first = parts[0]!;
  const from = first.role === 'conj' ? first.end : 0;
  return dediacritise(t.text.slice(from)).text;
}
function bump(key: string, field: 'first' | 'withSubject' | 'colon') {
  const c = counts.get(key) ?? { total: 0, first: 0, withSubject: 0, colon: 0 };
  c.total++;
  c[field]++;
  counts.set(key, c);
}
const lines = createInterface({
  input: createReadStream(corpus).pipe(createGunzip()),
  crlfDelay: Number.POSITIVE_INFINITY,
});
let articles = 0;
for await (const line of lines) {
  if (!line.trim()) continue;
  articles++;
  const toks = tokenize((JSON.parse(line) as { text: string }).text);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'arabic' && COMPLEMENTIZERS.has(dediacritise(t.text).text)) {
      const prev = toks[i - 1]!;
      if (prev.kind === 'arabic') bump(stem(prev), 'first');
      // verb, then a subject of one to four words, then the complementizer
      for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
        const w = toks[k]!;
        if (w.kind !== 'arabic') break;
        if (k === 0 || toks[k - 1]!.kind === 'punct') {
          bump(stem(w), 'withSubject');
          break;
        }
      }
    }
    if (t.kind === 'quote' && toks[i - 1]!.text === ':' && i >= 2 && toks[i - 2]!.kind === 'arabic')
      bump(stem(toks[i - 2]!), 'colon');
  }
}
const rows = [...counts].sort((a, b) => b[1].total - a[1].total).slice(0, top);
const header = `# words before reported speech in ${articles} ANT articles: word\ttotal\tright-before-أن/إن\tsentence-initial-before-subject+أن/إن\tbefore-colon+quote`;
const body = rows.map(([w, c]) => `${w}\t${c.total}\t${c.first}\t${c.withSubject}\t${c.colon}`).join('\n');
if (out) writeFileSync(out, `${header}\n${body}\n`);
else console.log(`${header}\n${body}`);
