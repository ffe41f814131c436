/**
 * For developers: runs the pipeline on gold-annotated articles and prints,
 * article by article, each gold quotation with the predicted one it matches
 * (or MISSED), whether the speaker is right, and the predicted quotations
 * that match nothing (EXTRA). Matching is the scorer's: token Dice ≥ 0.5.
 *
 *   npx tsx scripts/quote-diff.ts ../shared/eval/dev/*.gold.json
 */
import { readFileSync } from 'node:fs';
import { defaultPipeline } from '../src/analyze/index.ts';
import type { ArticleRecord } from '../src/record/types.ts';
import { goldArticleText, scorerDice, scorerNorm } from './gold-article.ts';

const norm = (s: string) => scorerNorm(s).split(' ').filter(Boolean);

const dice = scorerDice;

interface Gold {
  id: string;
  file?: string;
  speakers: Record<string, { name: string; mentions?: string[]; titles?: string[] }>;
  quotes: { speaker: string; kind: string; verb: string; text: string; channel?: string }[];
}

const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n)}…` : s);
const showContext = process.env.CONTEXT === '1';
/** The paragraph of the article holding the first words of a gold snippet. */
function context(text: string, snippet: string): string {
  const probe = snippet.slice(0, 25);
  const at = text.indexOf(probe);
  if (at < 0) return '';
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return `\n          ┆ ${short(text.slice(start, end < 0 ? undefined : end), 400)}`;
}
for (const file of process.argv.slice(2)) {
  const g = JSON.parse(readFileSync(file, 'utf8')) as Gold;
  const text = goldArticleText(file, g);
  const rec: ArticleRecord = defaultPipeline().analyze({ text, meta: {} });
  const people = new Map(rec.people.map((p) => [p.id, p]));
  const used = new Set<number>();
  console.log(`\n=== ${file.split('/').pop()}`);
  for (const q of g.quotes) {
    let best = -1;
    let score = 0;
    rec.quotes.forEach((p, j) => {
      const d = dice(q.text, p.content.text);
      if (d >= 0.5 && d > score && !used.has(j)) {
        best = j;
        score = d;
      }
    });
    const gs = g.speakers[q.speaker]!;
    if (best < 0) {
      console.log(
        `  MISSED  [${gs.name}] ${q.kind} ${q.verb}: ${short(q.text)}${showContext ? context(text, q.text) : ''}`,
      );
      continue;
    }
    used.add(best);
    const p = rec.quotes[best]!;
    const who = p.speaker ? people.get(p.speaker) : undefined;
    const names = [who?.name ?? '', ...(who?.mentions.map((m) => m.text) ?? [])]
      .filter(Boolean)
      .map((s) => norm(s).join(' '));
    const goldNames = [gs.name, ...(gs.mentions ?? [])].map((s) =>
      norm(s)
        .join(' ')
        .replace(/^[وفبلك](?=ال)/, ''),
    );
    const ok = names.some((n) => goldNames.some((gn) => n && gn && (n.includes(gn) || gn.includes(n))));
    const kindOk = p.kind === q.kind ? '' : ` kind ${p.kind}≠${q.kind}`;
    const channelOk =
      !q.channel || (p.channel && dice(q.channel, p.channel.text) >= 0.5)
        ? ''
        : ` channel «${q.channel}»≠«${p.channel?.text ?? '∅'}»`;
    console.log(
      `  ${ok ? 'ok     ' : 'SPEAKER'} [${gs.name}${ok ? '' : ` ≠ ${who?.name ?? '∅'}`}]${kindOk}${channelOk} ${score < 0.9 ? `(dice ${score.toFixed(2)}) ` : ''}${q.verb}: ${short(q.text)}${showContext && !ok ? context(text, q.text) : ''}`,
    );
  }
  // Titles of gold speakers the prediction misses (the scorer's test: dice ≥ 0.6).
  for (const gs of Object.values(g.speakers)) {
    if (!gs.titles?.length) continue;
    const goldNames = [gs.name, ...(gs.mentions ?? [])].map((s) => norm(s).join(' '));
    const person = rec.people.find((x) =>
      [x.name, ...x.mentions.map((m) => m.text)]
        .map((s) => norm(s).join(' '))
        .some((n) => goldNames.some((gn) => n && gn && (n.includes(gn) || gn.includes(n)))),
    );
    const missing = gs.titles.filter((t) => !person?.titles.some((pt) => dice(t, pt) >= 0.6));
    if (missing.length)
      console.log(
        `  TITLE   [${gs.name}] ${missing.join(' | ')} ≠ ${person ? person.titles.join(' | ') || '∅' : 'no person'}`,
      );
  }
  rec.quotes.forEach((p, j) => {
    if (used.has(j)) return;
    const who = p.speaker ? people.get(p.speaker)?.name : '∅';
    console.log(
      `  EXTRA   [${who}] ${p.kind} ${p.verb?.text ?? ''}: ${short(p.content.text)}${showContext ? context(text, p.content.text) : ''}`,
    );
  });
}
