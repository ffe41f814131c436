/**
 * What the events and claims components found and missed, article by
 * article, against gold files (../shared/eval/GUIDELINES.md), matched as
 * ../shared/eval/score.mjs matches them: an event by type and evidence (Dice
 * ≥ 0.3), a claim by text (Dice ≥ 0.5).
 *   npx tsx scripts/event-diff.ts GOLD…            events
 *   npx tsx scripts/event-diff.ts --claims GOLD…   claims
 * Lines: OK (matched, status right), ST (matched, status wrong), -- (missed,
 * with the nearest prediction of that type).
 */
import { readFileSync } from 'node:fs';
import { defaultPipeline } from '../src/analyze/index.ts';
import { goldArticleText, scorerDice } from './gold-article.ts';

interface GoldEvent {
  type: string;
  status: string;
  evidence: string | { text: string };
}
interface GoldClaim {
  kind: string;
  text: string;
}

const args = process.argv.slice(2);
const claims = args.includes('--claims');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: npx tsx scripts/event-diff.ts [--claims] GOLD…');
  process.exit(2);
}

const dice = scorerDice;

const pipeline = defaultPipeline();
for (const file of files) {
  const gold = JSON.parse(readFileSync(file, 'utf8'));
  const record = pipeline.analyze({ text: goldArticleText(file, gold), meta: {} });
  console.log(`== ${file.split('/').pop()}`);
  if (claims) {
    for (const g of (gold.claims ?? []) as GoldClaim[]) {
      const best = record.claims.map((c) => ({ d: dice(g.text, c.text), c })).sort((x, y) => y.d - x.d)[0];
      if (best && best.d >= 0.5)
        console.log(` OK ${g.kind} | ${g.text} [${best.c.kind}${best.c.due ? `, due ${best.c.due}` : ''}]`);
      else
        console.log(
          ` -- ${g.kind} | ${g.text}${best ? `  (nearest ${best.d.toFixed(2)}: ${best.c.text})` : ''}`,
        );
    }
    console.log(`   ${record.claims.length} predicted`);
    continue;
  }
  for (const g of (gold.events ?? []) as GoldEvent[]) {
    const evidence = typeof g.evidence === 'string' ? g.evidence : g.evidence.text;
    const best = record.events
      .filter((e) => e.type === g.type)
      .map((e) => ({ d: dice(evidence, e.evidence.text), e }))
      .sort((x, y) => y.d - x.d)[0];
    if (best && best.d >= 0.3)
      console.log(
        ` ${best.e.status === g.status ? 'OK' : 'ST'} ${g.type} ${g.status} | ${evidence}${best.e.status === g.status ? '' : ` → ${best.e.status}`}`,
      );
    else
      console.log(
        ` -- ${g.type} ${g.status} | ${evidence}${best ? `  (nearest ${best.d.toFixed(2)}: ${best.e.evidence.text})` : ''}`,
      );
  }
  console.log(
    `   predicted: ${record.events.map((e) => `${e.type}/${e.status}:${e.trigger?.text ?? ''}`).join(' ')}`,
  );
}
