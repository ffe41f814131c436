/**
 * Builds data/ner/clusters.tsv: distributional word classes learned from the
 * unlabelled ANT corpus (../shared/corpus/ant-all.jsonl.gz), a feature for
 * the named-entity tagger. Words that appear in the same contexts — «الموصل»
 * and «الرقة», «العبادي» and «أردوغان» — share a class, so a name the
 * tagger never saw in training still looks like the names it did.
 *
 * Method: the exchange algorithm for a two-sided class bigram model (Kneser &
 * Ney 1993; Martin, Liermann & Ney 1998): each word starts in a class by its
 * frequency rank, then, word by word, moves to the class that most raises
 *   Σ_{c,d} N(c,d)·log N(c,d) − 2 Σ_c N(c)·log N(c)
 * (the likelihood of the corpus under the class bigram model, up to
 * constants), for a fixed number of passes. It is run at three granularities;
 * the file lists each word's class at each (columns `c64`, `c256`, `c1024`).
 * With --stems, the words are stems (the clitic segmenter's), at 256 classes,
 * into data/ner/stem-clusters.tsv.
 *
 * Tokens are the text core's, in search form; numbers become «0». Only words
 * seen at least MIN_COUNT times get a class. Deterministic: no randomness, a
 * fixed visiting order, the same bytes every run.
 *
 *   npx tsx scripts/build-clusters.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../src/data-path.ts';
import { cliticSegmenter } from '../src/text/clitics.ts';
import { foldKey } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';

const MIN_COUNT = 8;
const PASSES = 8;
const STEMS = process.argv.includes('--stems');
const segmenter = cliticSegmenter();
const corpus = new URL('../../shared/corpus/ant-all.jsonl.gz', import.meta.url).pathname;
const started = performance.now();
const log = (s: string) => console.log(`${((performance.now() - started) / 1000).toFixed(0)}s ${s}`);

// 1. The corpus as word ids, with a boundary id between paragraphs.
const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n');
const ids = new Map<string, number>([['</s>', 0]]);
const counts: number[] = [0];
const stream: number[] = [];
for (const line of lines) {
  if (!line) continue;
  const text = (JSON.parse(line) as { text?: string }).text ?? '';
  for (const para of text.split(/\n+/)) {
    for (const t of tokenize(para)) {
      const surface = para.slice(t.start, t.end);
      let key = t.kind === 'number' ? '0' : foldKey(surface);
      if (!key) continue; // a token of tatweel or marks alone
      if (STEMS && t.kind === 'arabic') {
        // Clitics off: «وبغداد», «لبغداد» and «بغداد» are one word here.
        const stem = segmenter.parts(surface).find((p) => p.role === 'stem');
        if (stem) key = foldKey(surface.slice(stem.start, stem.end));
      }
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        counts.push(0);
      }
      counts[id]!++;
      stream.push(id);
    }
    stream.push(0);
    counts[0]!++;
  }
}
log(`${stream.length} tokens, ${ids.size} forms`);

// 2. The vocabulary: frequent forms, most frequent first; the rest share one id.
const words = [...ids.entries()]
  .filter(([w, id]) => counts[id]! >= MIN_COUNT || w === '</s>')
  .sort((a, b) => counts[b[1]]! - counts[a[1]]! || (a[0] < b[0] ? -1 : 1))
  .map(([w]) => w);
const V = words.length + 1; // + one id for all rare forms
const vocabOf = new Int32Array(ids.size).fill(V - 1);
words.forEach((w, i) => {
  vocabOf[ids.get(w)!] = i;
});
const freq = new Float64Array(V);
for (const id of stream) freq[vocabOf[id]!]!++;

// 3. Bigram counts, as successor and predecessor lists per word.
const pairs = new Map<number, number>();
for (let k = 1; k < stream.length; k++) {
  const key = vocabOf[stream[k - 1]!]! * V + vocabOf[stream[k]!]!;
  pairs.set(key, (pairs.get(key) ?? 0) + 1);
}
const succ: [number, number][][] = Array.from({ length: V }, () => []);
const pred: [number, number][][] = Array.from({ length: V }, () => []);
const self = new Float64Array(V);
for (const [key, n] of pairs) {
  const a = Math.floor(key / V);
  const b = key % V;
  if (a === b) self[a] = n;
  else {
    succ[a]!.push([b, n]);
    pred[b]!.push([a, n]);
  }
}
log(`vocabulary ${V}, ${pairs.size} bigram types`);

const F = (x: number) => (x > 0 ? x * Math.log(x) : 0);

function exchange(C: number): Int32Array {
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  const M = new Float64Array(C * C);
  const N = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    N[cls[w]!]! += freq[w]!;
    M[cls[w]! * C + cls[w]!]! += self[w]!;
    for (const [v, n] of succ[w]!) M[cls[w]! * C + cls[v]!]! += n;
  }
  const R = new Float64Array(C);
  const L = new Float64Array(C);
  const rIdx = new Int32Array(C);
  const lIdx = new Int32Array(C);
  for (let pass = 1; pass <= PASSES; pass++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const a = cls[w]!;
      let nr = 0;
      let nl = 0;
      for (const [v, n] of succ[w]!) {
        const d = cls[v]!;
        if (R[d] === 0) rIdx[nr++] = d;
        R[d]! += n;
      }
      for (const [v, n] of pred[w]!) {
        const d = cls[v]!;
        if (L[d] === 0) lIdx[nl++] = d;
        L[d]! += n;
      }
      const s = self[w]!;
      const n = freq[w]!;
      // Take w out of its class.
      for (let k = 0; k < nr; k++) M[a * C + rIdx[k]!]! -= R[rIdx[k]!]!;
      for (let k = 0; k < nl; k++) M[lIdx[k]! * C + a]! -= L[lIdx[k]!]!;
      M[a * C + a]! -= s;
      N[a]! -= n;
      // The class it adds most to.
      let best = a;
      let bestGain = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < C; b++) {
        let gain = -2 * (F(N[b]! + n) - F(N[b]!));
        for (let k = 0; k < nr; k++) {
          const d = rIdx[k]!;
          if (d === b) continue;
          const m = M[b * C + d]!;
          gain += F(m + R[d]!) - F(m);
        }
        for (let k = 0; k < nl; k++) {
          const d = lIdx[k]!;
          if (d === b) continue;
          const m = M[d * C + b]!;
          gain += F(m + L[d]!) - F(m);
        }
        const mbb = M[b * C + b]!;
        gain += F(mbb + R[b]! + L[b]! + s) - F(mbb);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = b;
        }
      }
      for (let k = 0; k < nr; k++) M[best * C + rIdx[k]!]! += R[rIdx[k]!]!;
      for (let k = 0; k < nl; k++) M[lIdx[k]! * C + best]! += L[lIdx[k]!]!;
      M[best * C + best]! += s;
      N[best]! += n;
      if (best !== a) moved++;
      cls[w] = best;
      for (let k = 0; k < nr; k++) R[rIdx[k]!] = 0;
      for (let k = 0; k < nl; k++) L[lIdx[k]!] = 0;
    }
    log(`C=${C} pass ${pass}: ${moved} words moved`);
  }
  return cls;
}

const sizes = STEMS ? [256] : [64, 256, 1024];
const classes = sizes.map((C) => exchange(C));
const rows = words
  .map((w, i) => [w, ...classes.map((c) => c[i])].join('\t'))
  .filter((r) => !r.startsWith('</s>'))
  .sort();
const header = [
  '# Distributional word classes (exchange algorithm, class bigram model) over the ANT corpus.',
  `# source: ../shared/corpus/ant-all.jsonl.gz (ANT v2.1, research use with citation); forms seen >= ${MIN_COUNT} times`,
  '# generated by scripts/build-clusters.ts',
  `#${STEMS ? 'stem' : 'form'}\t${sizes.map((c) => `c${c}`).join('\t')}`,
];
const file = STEMS ? 'ner/stem-clusters.tsv' : 'ner/clusters.tsv';
writeFileSync(dataPath(file), `${[...header, ...rows].join('\n')}\n`);
log(`${rows.length} forms → data/${file}`);
