/**
 * Trains the named-entity tagger (npm run train:ner) on ANERcorp's training
 * split (../shared/data/anercorp/train.txt; the test split is never read
 * here) and writes data/ner/model.tsv.gz (first pass) and
 * data/ner/model2.tsv.gz (second pass).
 *
 * Two passes: the first tags each sentence on its own; the second sees, in
 * addition, how the first tagged the same stem elsewhere in the document
 * (NerFeatures.history). The second pass is trained on first-pass output
 * for the training data that the first pass did not see (4-fold
 * jackknife), so it learns how far to trust a first pass on new text.
 * ANERcorp has no document breaks; a window of sentences either side stands
 * for the document.
 *
 * The number of epochs, and a penalty on the O tag for the second pass, are
 * chosen on a development slice (the last tenth of the training sentences),
 * then the models are trained again on all of them. Deterministic: a fixed seed orders the sentences, so the same data
 * and code give the same bytes.
 *
 *   npm run train:ner                          # train and write the models
 *   npx tsx scripts/train-ner.ts --dev-only    # the development curve only
 *   npx tsx scripts/train-ner.ts --cv 4 [--first-only]   # 4-fold cross-validation score only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readConll, spanScore } from '../src/ner/conll.ts';
import { conjunctionConstraint, NerFeatures, nerResources } from '../src/ner/features.ts';
import { HISTORY_WINDOW, modelPath, serialise } from '../src/ner/model.ts';
import { decode, type TrainingSentence, train, type Weights } from '../src/ner/perceptron.ts';
import { spansOf, TAG_COUNT, TAGS, tagIndex } from '../src/ner/tags.ts';

const SEED = 20180101;
const MAX_EPOCHS = Number(process.env.NER_EPOCHS ?? 15);
const JACKKNIFE = 4;
const trainFile = new URL('../../shared/data/anercorp/train.txt', import.meta.url).pathname;

interface Sentence extends TrainingSentence {
  readonly words: readonly string[];
  /** The decoding constraint the tagger applies (conjunctionConstraint): training decodes as tagging will. */
  readonly constrain: (scores: Float64Array) => void;
}

const started = performance.now();
const features = new NerFeatures(nerResources());
const sentences: Sentence[] = readConll(readFileSync(trainFile, 'utf8')).map((s) => {
  const words = s.map((l) => l.token);
  return {
    words,
    constrain: conjunctionConstraint(words.map((w) => features.info(w))),
    features: features.sentence(words),
    tags: s.map((l) => tagIndex(l.columns.at(-1) ?? 'O')),
  };
});

/** The second pass's input: first-pass features plus the history of the first pass's tags. */
function secondPassInput(list: readonly Sentence[], firstTags: readonly (readonly number[])[]): Sentence[] {
  const history = features.history(
    list.map((s) => s.words),
    firstTags,
    HISTORY_WINDOW,
  );
  return list.map((s, k) => ({
    words: s.words,
    constrain: s.constrain,
    tags: s.tags,
    features: s.features.map((fs, i) => [...fs, ...history[k]![i]!]),
  }));
}

interface Models {
  readonly first: Weights;
  readonly second: Weights;
}

/** Both passes, the second on jackknifed first-pass output. */
function trainBoth(list: readonly Sentence[], epochs: number): Models {
  const firstTags: number[][] = new Array(list.length);
  for (let k = 0; k < JACKKNIFE; k++) {
    const a = Math.floor((list.length * k) / JACKKNIFE);
    const b = Math.floor((list.length * (k + 1)) / JACKKNIFE);
    const fold = train([...list.slice(0, a), ...list.slice(b)], { epochs, seed: SEED });
    for (let i = a; i < b; i++) firstTags[i] = decode(fold, list[i]!.features, list[i]!.constrain);
  }
  return {
    first: train(list, { epochs, seed: SEED }),
    second: train(secondPassInput(list, firstTags), { epochs, seed: SEED }),
  };
}

function predictBoth(models: Models, list: readonly Sentence[]): number[][] {
  const firstTags = list.map((s) => decode(models.first, s.features, s.constrain));
  return secondPassInput(list, firstTags).map((s) => decode(models.second, s.features, s.constrain));
}

/**
 * The second pass with its O scores lowered by `bias`: applied to the always-on
 * feature «b», so the shipped model carries it and the tagger needs no setting.
 */
function withOBias(models: Models, bias: number): Models {
  const id = models.second.featureIndex.get('b');
  if (id === undefined || bias === 0) return models;
  const emission = Float32Array.from(models.second.emission);
  emission[id * TAG_COUNT + tagIndex('O')]! -= bias;
  return { first: models.first, second: { ...models.second, emission } };
}

const asTags = (t: readonly number[]) => t.map((k) => TAGS[k]!);
const pct = (x: number) => (x * 100).toFixed(2);

const cvAt = process.argv.indexOf('--cv');
if (cvAt > 0) {
  // K-fold cross-validation over contiguous blocks, fixed epochs: steadier than one slice.
  const K = Number(process.argv[cvAt + 1] ?? 4);
  const epochs = Number(process.env.NER_CV_EPOCHS ?? 12);
  const gold: string[][] = [];
  const first: string[][] = [];
  const second: string[][] = [];
  for (let k = 0; k < K; k++) {
    const a = Math.floor((sentences.length * k) / K);
    const b = Math.floor((sentences.length * (k + 1)) / K);
    const held = sentences.slice(a, b);
    const rest = [...sentences.slice(0, a), ...sentences.slice(b)];
    gold.push(...held.map((s) => asTags(s.tags)));
    if (process.argv.includes('--first-only')) {
      const weights = train(rest, { epochs, seed: SEED });
      first.push(...held.map((s) => asTags(decode(weights, s.features, s.constrain))));
      continue;
    }
    const models = trainBoth(rest, epochs);
    first.push(...held.map((s) => asTags(decode(models.first, s.features, s.constrain))));
    second.push(...predictBoth(models, held).map(asTags));
  }
  const s1 = spanScore(gold, first, spansOf);
  if (!second.length) {
    console.log(
      `cv ${K} folds, ${epochs} epochs: first pass F1 ${pct(s1.f1)} (P ${pct(s1.p)} R ${pct(s1.r)})`,
    );
    process.exit(0);
  }
  const s2 = spanScore(gold, second, spansOf);
  console.log(
    `cv ${K} folds, ${epochs} epochs: first pass F1 ${pct(s1.f1)}; second pass F1 ${pct(s2.f1)} (P ${pct(s2.p)} R ${pct(s2.r)})`,
  );
  process.exit(0);
}

const cut = Math.floor(sentences.length * 0.9);
const fit = sentences.slice(0, cut);
const dev = sentences.slice(cut);
const devGold = dev.map((s) => asTags(s.tags));
let bestEpoch = 1;
let bestF1 = -1;
train(fit, {
  epochs: MAX_EPOCHS,
  seed: SEED,
  onEpoch(epoch, weights) {
    const score = spanScore(
      devGold,
      dev.map((s) => asTags(decode(weights, s.features, s.constrain))),
      spansOf,
    );
    console.log(
      `epoch ${epoch}: development F1 (first pass) ${pct(score.f1)} (P ${pct(score.p)} R ${pct(score.r)})`,
    );
    if (score.f1 > bestF1 + 0.0005) {
      bestF1 = score.f1;
      bestEpoch = epoch;
    }
  },
});
const devModels = trainBoth(fit, bestEpoch);
const devSecond = spanScore(devGold, predictBoth(devModels, dev).map(asTags), spansOf);
console.log(
  `best: ${bestEpoch} epochs; development F1 first pass ${pct(bestF1)}, second pass ${pct(devSecond.f1)}`,
);
// The perceptron is cautious (precision 80, recall 70 on the development slice): a
// penalty on O, chosen on the development slice, trades a little of one for more of the other.
let bestBias = 0;
let bestBiasF1 = devSecond.f1;
for (let bias = 5; bias <= 60; bias += 5) {
  const score = spanScore(devGold, predictBoth(withOBias(devModels, bias), dev).map(asTags), spansOf);
  console.log(`O penalty ${bias}: development F1 ${pct(score.f1)} (P ${pct(score.p)} R ${pct(score.r)})`);
  if (score.f1 > bestBiasF1 + 0.0005) {
    bestBiasF1 = score.f1;
    bestBias = bias;
  }
}
console.log(`O penalty ${bestBias}: development F1 second pass ${pct(bestBiasF1)}`);
if (!process.argv.includes('--dev-only')) {
  const models = withOBias(trainBoth(sentences, bestEpoch), bestBias);
  for (const [which, weights] of [
    ['first', models.first],
    ['second', models.second],
  ] as const) {
    const bytes = serialise(weights);
    writeFileSync(modelPath(which), bytes);
    console.log(
      `${which} pass: ${weights.featureIndex.size} features, ${(bytes.length / 1e6).toFixed(1)} MB`,
    );
  }
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
