/**
 * Builds data/lexicon/person-names.tsv: words that are mostly parts of
 * person names, from two sources:
 *
 *  1. the training split of ANERcorp (../shared/data/anercorp/train.txt; the
 *     test split is never read, so NER evaluation stays honest): words tagged
 *     PERS at least ANER_MIN times and in at least ANER_RATIO of their uses;
 *  2. the ANT corpus (unlabelled): words that follow a definite person title
 *     and its definite modifiers («الرئيس الأميركي دونالد …», «وزير الخارجية
 *     الروسي سيرغي …») at least ANT_MIN times and in at least ANT_RATIO of
 *     their uses, and that are not themselves definite, titles or function words.
 *
 * Columns: word, ANERcorp PERS count, ANERcorp other count, ANT after-title
 * count, ANT total count. Sorted by word; the same bytes every run.
 *
 * Also writes data/lexicon/common-words.tsv: words ANERcorp's training split
 * tags outside any entity at least COMMON_MIN times and inside one in under
 * COMMON_RATIO of their uses — «أي», «يجب», «بشأن»: never a name's start.
 *
 *   npx tsx scripts/build-names.ts
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { dataPath } from '../src/data-path.ts';
import { dediacritise, foldKey } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';

const ANER_MIN = 2;
const ANER_RATIO = 0.6;
const ANT_MIN = 3;
const ANT_RATIO = 0.04;
const anercorp = new URL('../../shared/data/anercorp/train.txt', import.meta.url).pathname;
const ant = new URL('../../shared/corpus/ant-all.jsonl.gz', import.meta.url).pathname;
const out = dataPath('lexicon/person-names.tsv');
const commonOut = dataPath('lexicon/common-words.tsv');
const COMMON_MIN = 5;
const COMMON_RATIO = 0.05;

const rows = (rel: string) =>
  readFileSync(dataPath(rel), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
const titles = new Set(rows('lexicon/person-titles.tsv').map((r) => foldKey(r[0]!)));
const heads = new Set(
  [...rows('lexicon/org-heads.tsv'), ...rows('lexicon/group-heads.tsv')].map((r) => foldKey(r[0]!)),
);
const functionWords = new Set(
  rows('lexicon/function-words.tsv')
    .filter((r) => r[1] !== 'name-particle')
    .map((r) => foldKey(r[0]!)),
);

// 1. ANERcorp
const aner = new Map<string, { pers: number; other: number }>();
const entity = new Map<string, { inside: number; outside: number }>();
for (const line of readFileSync(anercorp, 'utf8').split('\n')) {
  const [token, tag] = line.trim().split(/\s+/);
  if (!token || !tag) continue;
  const word = dediacritise(token).text;
  if (!/^[\u0621-\u064a]+$/.test(word)) continue;
  const s = aner.get(word) ?? { pers: 0, other: 0 };
  if (tag.endsWith('PERS')) s.pers++;
  else s.other++;
  aner.set(word, s);
  const e = entity.get(word) ?? { inside: 0, outside: 0 };
  if (tag === 'O') e.outside++;
  else e.inside++;
  entity.set(word, e);
}

// 2. ANT: the word after «ال+title (ال+modifier)*»
const afterTitle = new Map<string, number>();
const total = new Map<string, number>();
const definite = (f: string) => f.startsWith('ال') && f.length > 3;
const lines = createInterface({
  input: createReadStream(ant).pipe(createGunzip()),
  crlfDelay: Number.POSITIVE_INFINITY,
});
for await (const line of lines) {
  if (!line.trim()) continue;
  const toks = tokenize((JSON.parse(line) as { text: string }).text);
  let chain = false; // inside «title (modifiers)»
  for (const t of toks) {
    if (t.kind !== 'arabic') {
      chain = false;
      continue;
    }
    const word = dediacritise(t.text).text;
    total.set(word, (total.get(word) ?? 0) + 1);
    const f = foldKey(word);
    if (definite(f) && titles.has(f.slice(2))) {
      chain = true;
      continue;
    }
    if (chain && definite(f)) continue;
    if (
      chain &&
      !titles.has(f) &&
      !heads.has(f) &&
      !functionWords.has(f) &&
      !/^[وفبلك]/.test(f.slice(0, 1) === 'و' ? f : '')
    ) {
      afterTitle.set(word, (afterTitle.get(word) ?? 0) + 1);
    }
    chain = false;
  }
}

const kept = new Map<string, [number, number, number, number]>();
for (const [w, s] of aner) {
  if (s.pers >= ANER_MIN && s.pers / (s.pers + s.other) >= ANER_RATIO)
    kept.set(w, [s.pers, s.other, afterTitle.get(w) ?? 0, total.get(w) ?? 0]);
}
for (const [w, n] of afterTitle) {
  const all = total.get(w) ?? n;
  if (n >= ANT_MIN && n / all >= ANT_RATIO && !kept.has(w)) {
    const s = aner.get(w) ?? { pers: 0, other: 0 };
    kept.set(w, [s.pers, s.other, n, all]);
  }
}
const sorted = [...kept].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const header = [
  '# Words that are mostly parts of person names.',
  '# sources: ANERcorp training split (Benajiba & Rosso 2008, CC BY-SA 4.0): words tagged PERS;',
  '#          ANT corpus v2.1 (research use with citation): words right after a definite person title.',
  `# generated by scripts/build-names.ts: ANERcorp PERS >= ${ANER_MIN} and >= ${ANER_RATIO * 100}% of uses, or after a title >= ${ANT_MIN} times and >= ${ANT_RATIO * 100}% of uses`,
  '#word\taner_pers\taner_other\tant_after_title\tant_total',
];
writeFileSync(out, `${header.join('\n')}\n${sorted.map(([w, c]) => `${w}\t${c.join('\t')}`).join('\n')}\n`);
console.log(`${sorted.length} name words → ${out}`);

const common = [...entity]
  .filter(
    ([w, e]) => e.outside >= COMMON_MIN && e.inside / (e.inside + e.outside) < COMMON_RATIO && !kept.has(w),
  )
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const commonHeader = [
  '# Words that are not names: tagged outside any entity in ANERcorp.',
  '# source: ANERcorp training split (Benajiba & Rosso 2008, CC BY-SA 4.0)',
  `# generated by scripts/build-names.ts: outside >= ${COMMON_MIN} times and inside an entity < ${COMMON_RATIO * 100}% of uses`,
  '#word\toutside\tinside',
];
writeFileSync(
  commonOut,
  `${commonHeader.join('\n')}\n${common.map(([w, e]) => `${w}\t${e.outside}\t${e.inside}`).join('\n')}\n`,
);
console.log(`${common.length} common words → ${commonOut}`);
