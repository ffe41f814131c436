/**
 * Prints, for each clitic rule, the most frequent corpus words the segmenter
 * splits by it, so a person can spot wrong splits and list them in
 * data/lexicon/clitic-exceptions.tsv. Nothing is written.
 *
 *   npx tsx scripts/review-clitics.ts [TOP_WORDS=20000] [PER_RULE=40]
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../src/data-path.ts';
import { cliticSegmenter } from '../src/text/clitics.ts';

const top = Number(process.argv[2] ?? 20000);
const perRule = Number(process.argv[3] ?? 40);
const seg = cliticSegmenter();
const groups = new Map<string, string[]>();
const lines = readFileSync(dataPath('lexicon/ar-wordfreq.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
for (const line of lines.slice(0, top)) {
  const [word, count] = line.split('\t') as [string, string];
  const parts = seg.segment(word);
  if (parts.length === 1) continue;
  const rule =
    parts
      .filter((p) => p.role !== 'stem' && p.role !== 'det')
      .map((p) => `${p.role}:${p.text}`)
      .join('+') || 'det';
  const list = groups.get(rule) ?? [];
  if (list.length < perRule) list.push(`${parts.map((p) => p.text).join('+')}(${count})`);
  groups.set(rule, list);
}
for (const [rule, list] of [...groups].sort((a, b) => b[1].length - a[1].length))
  console.log(`${rule}: ${list.join(' ')}\n`);
