/**
 * Scores event actors and targets against the span annotations of the Arabic
 * PLOVER gold standard (../shared/data/event-gsr/{assault,protest}_spans.json:
 * for each sentence, the source and target words every coder marked). For
 * each sentence where isnad finds an event of the file's type, an actor (a
 * target) counts as right when it shares a word with the gold one, folded as
 * the scorer folds. Prints coverage (how often one is given) and accuracy
 * (right of given), for actors and targets.
 *   npx tsx scripts/eval-arguments.ts
 */
import { readFileSync } from 'node:fs';
import { defaultPipeline } from '../src/analyze/index.ts';
import { scorerNorm } from './gold-article.ts';
import { GSR_DIR } from './gsr.ts';

interface SpanRow {
  text: string;
  event_type: string;
  source_gold: string;
  target_gold: string;
}

const words = (s: string) =>
  new Set(
    scorerNorm(s)
      .split(' ')
      .filter(Boolean)
      .map((w) => w.replace(/^(?:ال|و|وال|بال|لل)/, '')),
  );
const overlaps = (a: string, b: string) => {
  const B = words(b);
  return [...words(a)].some((w) => B.has(w));
};

const pipeline = defaultPipeline();
for (const name of ['assault', 'protest']) {
  const rows = JSON.parse(readFileSync(`${GSR_DIR}${name}_spans.json`, 'utf8')) as SpanRow[];
  const tally = {
    rows: 0,
    found: 0,
    actorGold: 0,
    actorGiven: 0,
    actorRight: 0,
    targetGold: 0,
    targetGiven: 0,
    targetRight: 0,
  };
  for (const row of rows) {
    tally.rows++;
    const events = pipeline
      .analyze({ text: row.text, meta: {} })
      .events.filter((e) => e.type === row.event_type);
    if (!events.length) continue;
    tally.found++;
    if (row.source_gold.trim()) {
      tally.actorGold++;
      const given = events.filter((e) => e.actor);
      if (given.length) tally.actorGiven++;
      if (given.some((e) => overlaps(e.actor!.text, row.source_gold))) tally.actorRight++;
    }
    if (row.target_gold.trim()) {
      tally.targetGold++;
      const given = events.filter((e) => e.target);
      if (given.length) tally.targetGiven++;
      if (given.some((e) => overlaps(e.target!.text, row.target_gold))) tally.targetRight++;
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
  console.log(
    `${name}: ${tally.rows} annotated sentences, an event found in ${tally.found}; ` +
      `actor given ${pct(tally.actorGiven, tally.actorGold)}%, right ${pct(tally.actorRight, tally.actorGiven)}% of given ` +
      `(${pct(tally.actorRight, tally.actorGold)}% of all); ` +
      `target given ${pct(tally.targetGiven, tally.targetGold)}%, right ${pct(tally.targetRight, tally.targetGiven)}% of given ` +
      `(${pct(tally.targetRight, tally.targetGold)}% of all)`,
  );
}
