/**
 * Scores event detection on the Arabic PLOVER gold standard
 * (../shared/data/event-gsr/{assault,protest}_gsr.csv): writes each CSV row's
 * text as one JSONL article, runs `isnad extract` over them, and calls
 * ../shared/eval/eventdet.mjs on all rows, then on the even rows (the half
 * the trigger lexicon and cues were tuned on) and the odd rows (held out:
 * the honest figure).
 *   npx tsx scripts/eval-events.ts [assault|protest …]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGsr, toCsv } from './gsr.ts';

const shared = new URL('../../shared/', import.meta.url).pathname;
if (!existsSync(join(shared, 'data/event-gsr'))) {
  console.error(`eval-events: ${shared}data/event-gsr is missing`);
  process.exit(2);
}
const names = (process.argv.slice(2).length ? process.argv.slice(2) : ['assault', 'protest']) as (
  | 'assault'
  | 'protest'
)[];
const dir = mkdtempSync(join(tmpdir(), 'isnad-eventdet-'));
const bin = new URL('../bin/isnad.js', import.meta.url).pathname;
const scorer = join(shared, 'eval/eventdet.mjs');
for (const name of names) {
  const csv = join(shared, `data/event-gsr/${name}_gsr.csv`);
  const { head, rows } = readGsr(name);
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, `${rows.map((r) => JSON.stringify({ text: r.text })).join('\n')}\n`);
  const records = execFileSync('node', [bin, 'extract', input], { maxBuffer: 1 << 30 })
    .toString()
    .split('\n')
    .filter((l) => l.trim());
  const all = join(dir, `${name}.records.jsonl`);
  writeFileSync(all, `${records.join('\n')}\n`);
  process.stdout.write(`all rows   ${execFileSync('node', [scorer, csv, all])}`);
  for (const [label, parity] of [
    ['even rows', 0],
    ['odd rows ', 1],
  ] as const) {
    const keep = rows.map((_, i) => i % 2 === parity);
    const halfCsv = join(dir, `${name}-${parity}.csv`);
    const halfRec = join(dir, `${name}-${parity}.records.jsonl`);
    writeFileSync(
      halfCsv,
      [head, ...rows.filter((_, i) => keep[i]).map((r) => r.cells)].map(toCsv).join('\n'),
    );
    writeFileSync(halfRec, `${records.filter((_, i) => keep[i]).join('\n')}\n`);
    process.stdout.write(`${label}  ${execFileSync('node', [scorer, halfCsv, halfRec])}`);
  }
}
