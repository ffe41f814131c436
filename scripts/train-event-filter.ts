/**
 * Trains the event filter (src/analyze/events/filter.ts) and writes
 * data/events/filter.tsv.
 *
 * Data: the Arabic PLOVER gold standard (../shared/data/event-gsr/
 * {assault,protest}_gsr.csv, MIT), its EVEN rows only — the odd rows stay
 * held out, and `npm run eval:events` reports them apart. Each row with at
 * least one candidate of the file's type (detect.ts) is an example: label 1
 * when the annotators said "yes", 0 for "easy no" and "difficult no".
 *
 * Model: L2-regularised logistic regression by full-batch gradient descent
 * from zero weights, a fixed number of steps, examples and features in a
 * fixed order: the same bytes every run. It prints the F1 of the even rows
 * under 5-fold cross-validation at the threshold the component uses
 * (KEEP_AT_LEAST) and at the best one, for comparison (rows without
 * candidates count as misses).
 *
 *   npm run train:event-filter
 */
import { writeFileSync } from 'node:fs';
import { Doc } from '../src/analyze/doc.ts';
import { reportedEvents } from '../src/analyze/events/detect.ts';
import {
  FilterContext,
  type FilterModel,
  filterFeatures,
  judged,
  KEEP_AT_LEAST,
  probability,
} from '../src/analyze/events/filter.ts';
import { createPipeline } from '../src/analyze/index.ts';
import { Reader } from '../src/analyze/quotes/reader.ts';
import { dataPath } from '../src/data-path.ts';
import { readGsr } from './gsr.ts';

const STEPS = 400;
const RATE = 0.5;
const L2 = 0.01;
const FOLDS = 5;

const before = createPipeline(['tokenize', 'clitics', 'structure', 'quotes', 'entities', 'places']);

interface Example {
  readonly features: string[];
  readonly label: 0 | 1;
}

const lines: string[] = [
  '# Event filter weights (src/analyze/events/filter.ts): logistic regression per PLOVER type.',
  '# Trained by scripts/train-event-filter.ts on the even rows of the Arabic PLOVER gold standard',
  '# (../shared/data/event-gsr, Halterman et al., MIT). (bias) is per type.',
  '#type\tfeature\tweight',
];
for (const [name, type] of [
  ['assault', 'ASSAULT'],
  ['protest', 'PROTEST'],
] as const) {
  const { rows } = readGsr(name);
  const examples: Example[] = [];
  /** Labels of rows whose candidates the filter does not judge: they count as detected. */
  const unjudged: number[] = [];
  let positivesWithout = 0;
  let positives = 0;
  rows.forEach((row, i) => {
    const label = row.label;
    if (i % 2 !== 0 || label === 'ambiguous') return;
    if (label === 'yes') positives++;
    const doc = before.run(new Doc({ text: row.text, meta: {} }));
    const r = Reader.of(doc);
    const all = reportedEvents(r);
    const candidates = all.filter((h) => h.type === type);
    if (!candidates.length) {
      if (label === 'yes') positivesWithout++;
      return;
    }
    // What the filter does not judge passes it (see judged()).
    const hits = candidates.filter(judged);
    if (hits.length < candidates.length) {
      unjudged.push(label === 'yes' ? 1 : 0);
      return;
    }
    const sentence = r.sentenceOf[hits[0]!.start];
    const sameSentence = all.filter((h) => r.sentenceOf[h.start] === sentence);
    examples.push({
      features: filterFeatures(new FilterContext(doc), r, type, hits, sameSentence),
      label: label === 'yes' ? 1 : 0,
    });
  });

  // Cross-validated probabilities, for the threshold.
  const cv: { p: number; label: number }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = train(examples.filter((_, j) => j % FOLDS !== k));
    examples.forEach((e, j) => {
      if (j % FOLDS === k) cv.push({ p: probability(model, e.features), label: e.label });
    });
  }
  const f1At = (t: number) => {
    const tp = cv.filter((x) => x.p >= t && x.label).length + unjudged.filter((l) => l).length;
    const fp = cv.filter((x) => x.p >= t && !x.label).length + unjudged.filter((l) => !l).length;
    return (2 * tp) / (2 * tp + fp + (positives - tp));
  };
  let best = { f1: -1, threshold: 0.5 };
  for (let k = 5; k <= 95; k++) {
    const f1 = f1At(k / 100);
    if (f1 > best.f1 + 1e-9) best = { f1, threshold: k / 100 };
  }
  const model = train(examples);
  console.log(
    `${type}: ${examples.length} examples (${examples.filter((e) => e.label).length} yes), ` +
      `${positivesWithout}/${positives} yes rows without a candidate; ` +
      `cross-validated F1 on the even rows ${(100 * f1At(KEEP_AT_LEAST)).toFixed(1)} at ${KEEP_AT_LEAST} ` +
      `(best ${(100 * best.f1).toFixed(1)} at ${best.threshold})`,
  );
  lines.push(`${type}\t(bias)\t${model.bias.toFixed(6)}`);
  for (const [f, w] of [...model.weights].sort((a, b) => a[0].localeCompare(b[0])))
    if (Math.abs(w) >= 1e-4) lines.push(`${type}\t${f}\t${w.toFixed(6)}`);
}
writeFileSync(dataPath('events/filter.tsv'), `${lines.join('\n')}\n`);
console.log(`→ ${dataPath('events/filter.tsv')}`);

function train(examples: readonly Example[]): FilterModel {
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => e.features.map((f) => index.get(f)!));
  const w = new Float64Array(names.length);
  let bias = 0;
  for (let step = 0; step < STEPS; step++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    examples.forEach((e, j) => {
      let z = bias;
      for (const f of rows[j]!) z += w[f]!;
      const err = 1 / (1 + Math.exp(-z)) - e.label;
      gb += err;
      for (const f of rows[j]!) grad[f]! += err;
    });
    const n = examples.length || 1;
    for (let f = 0; f < w.length; f++) w[f]! -= RATE * (grad[f]! / n + L2 * w[f]!);
    bias -= RATE * (gb / n);
  }
  return { bias, weights: new Map(names.map((n, i) => [n, w[i]!])) };
}
