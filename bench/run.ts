/**
 * npm run bench — throughput and memory of the text core and of extract, over
 * ../shared/corpus/ant-iraq-syria.jsonl, on one core (this process).
 *
 * Each stage is timed as the best of a few passes after a warm-up, and shown
 * as MB/s of article text, articles/s, and its time as a ratio to stage (a),
 * measured in the same process, so the figures compare across machines:
 *   (a) read the file + JSON.parse each line
 *   (b) (a) + decode the text's bytes, sanitise, normalise (search view),
 *       tokenise, segment clitics, split paragraphs/quotes/sentences
 *   then, for each analysis component after the text core, (a) + the
 *       pipeline up to and including it, with the component's own rate (its
 *       added time alone), e.g. «+ quotes»
 *   and last (a) + full `extract`: read the article, run the whole pipeline,
 *       serialise the record
 */
import { existsSync, readFileSync } from 'node:fs';
import { COMPONENTS, createPipeline, defaultPipeline } from '../src/analyze/index.ts';
import { articleFromJson } from '../src/ingest/inputs.ts';
import { sanitizeText } from '../src/ingest/sanitize.ts';
import { readConll } from '../src/ner/conll.ts';
import { nerTagger } from '../src/ner/index.ts';
import { cliticSegmenter } from '../src/text/clitics.ts';
import { decodeBytes } from '../src/text/decode.ts';
import { searchForm } from '../src/text/normalize.ts';
import { analyseStructure } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';

const corpus =
  process.argv[2] ?? new URL('../../shared/corpus/ant-iraq-syria.jsonl', import.meta.url).pathname;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
if (!existsSync(corpus)) {
  console.log(`bench: skipped — ${corpus} not found (the shared folder is not beside this checkout)`);
  process.exit(0);
}

interface Row {
  text: string;
}
function readAndParse(): Row[] {
  const raw = readFileSync(corpus, 'utf8');
  const rows: Row[] = [];
  for (const line of raw.split('\n')) if (line) rows.push(JSON.parse(line) as Row);
  return rows;
}

const rows = readAndParse();
const textBytes = rows.map((r) => Buffer.from(r.text, 'utf8'));
const totalTextBytes = textBytes.reduce((a, b) => a + b.length, 0);
const articles = rows.length;

let sink = 0; // keeps results alive so the work is not optimised away
function stageA(): void {
  sink += readAndParse().length;
}
function stageB(): void {
  const parsed = readAndParse();
  const seg = cliticSegmenter();
  for (let i = 0; i < parsed.length; i++) {
    const decoded = decodeBytes(textBytes[i]!);
    const { text } = sanitizeText(decoded.text);
    const view = searchForm(text);
    const tokens = tokenize(text);
    for (const t of tokens) if (t.kind === 'arabic') sink += seg.partsAt(text, t.start, t.end).length;
    sink += analyseStructure(text, tokens).sentences.length + view.text.length;
  }
}
function stageUpTo(names: readonly string[]): () => void {
  const pipeline = createPipeline(names);
  return () => {
    const parsed = readAndParse();
    for (let i = 0; i < parsed.length; i++)
      sink += pipeline.analyze(articleFromJson(parsed[i], `bench:${i + 1}`)).quotes.length;
  };
}
function stageFull(): void {
  const parsed = readAndParse();
  const pipeline = defaultPipeline();
  for (let i = 0; i < parsed.length; i++) {
    const record = pipeline.analyze(articleFromJson(parsed[i], `bench:${i + 1}`));
    sink += JSON.stringify(record).length;
  }
}

function best(fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let p = 0; p < PASSES; p++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

// Warm-up: JIT, lexicon and segmenter cache, on a slice of the corpus.
for (let i = 0; i < Math.min(300, rows.length); i++)
  defaultPipeline().analyze(articleFromJson(rows[i], 'warm-up'));

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const mb = totalTextBytes / 1e6;
console.log(`corpus: ${corpus}`);
console.log(
  `${articles} articles, ${mb.toFixed(1)} MB of article text (UTF-8); best of ${PASSES} passes; one core\n`,
);
const ta = best(stageA);
const line = (name: string, ms: number) =>
  console.log(
    `${name.padEnd(44)} ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s ${(articles / (ms / 1000)).toFixed(0).padStart(7)} articles/s   ×${(ms / ta).toFixed(2)} of (a)   peak RSS ${peakMb()} MB`,
  );
line('(a) read + JSON.parse', ta);
const tb = best(stageB);
line('(b) + decode/normalise/tokenise/segment/sent.', tb);
const names = COMPONENTS.map((c) => c.name);
const textCore = names.indexOf('structure') + 1;
let previous = best(stageUpTo(names.slice(0, textCore)));
line(`(c) pipeline: ${names.slice(0, textCore).join(', ')}`, previous);
const own: string[] = [];
for (let k = textCore; k < names.length; k++) {
  const t = best(stageUpTo(names.slice(0, k + 1)));
  line(`    + ${names[k]}`, t);
  own.push(`${names[k]} ${(articles / ((t - previous) / 1000)).toFixed(0)} articles/s`);
  previous = t;
}
const tz = best(stageFull);
line('(z) full extract (pipeline + serialise)', tz);
const textCoreMs = tb - ta;
console.log(
  `\ntext core alone (b − a): ${(mb / (textCoreMs / 1000)).toFixed(1)} MB/s, ${(articles / (textCoreMs / 1000)).toFixed(0)} articles/s`,
);
console.log(`each component alone (its added time): ${own.join('; ')}`);

// The tagger alone, over ANERcorp's test file read as isnad tag reads it.
const conllFile = new URL('../../shared/data/anercorp/test.txt', import.meta.url).pathname;
if (existsSync(conllFile)) {
  const conll = readFileSync(conllFile, 'utf8');
  const read = () => readConll(conll).map((s) => s.map((l) => l.token));
  const sentences = read();
  const tokens = sentences.reduce((a, s) => a + s.length, 0);
  const tagger = nerTagger();
  tagger.tagDocument(sentences); // warm-up
  const tRead = best(() => {
    sink += read().length;
  });
  const tTag = best(() => {
    sink += tagger.tagDocument(read()).length;
  });
  console.log(
    `\nNER tagger (two passes) over ANERcorp test, ${tokens} tokens: ${(tokens / (tTag / 1000)).toFixed(0)} tokens/s, ×${(tTag / tRead).toFixed(1)} of reading the file alone (${(tokens / (tRead / 1000)).toFixed(0)} tokens/s)`,
  );
}
if (sink < 0) console.log(sink);
