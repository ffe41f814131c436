/**
 * Entities and places found and missed, article by article, against gold
 * files: the scorer's matching (../shared/eval/score.mjs), shown.
 *   npx tsx scripts/entity-diff.ts GOLD.json…
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultPipeline } from '../src/analyze/index.ts';

const corpusFile = new URL('../../shared/corpus/ant-iraq-syria.jsonl', import.meta.url).pathname;
let corpus: Map<string, string> | null = null;
const norm = (s: string) =>
  s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const strip = (s: string) => {
  const n = norm(s);
  return /^[وفبلك]ال/.test(n) ? n.slice(1) : n;
};
const totals = { ok: 0, missed: 0, extra: 0, wrongType: 0, placeOk: 0, placeBad: 0, placeMissed: 0 };
for (const file of process.argv.slice(2)) {
  const gold = JSON.parse(readFileSync(file, 'utf8'));
  let text: string;
  if (gold.file) text = readFileSync(join(dirname(file), gold.file), 'utf8');
  else {
    corpus ??= new Map(
      readFileSync(corpusFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .map((r) => [r.id, r.text]),
    );
    text = corpus.get(gold.id)!;
  }
  const r = defaultPipeline().analyze({ text, meta: {} });
  const pred = new Map(r.entities.map((e) => [strip(e.text), e.type]));
  const goldMap = new Map<string, string>(
    (gold.entities ?? []).map((e: { text: string; type: string }) => [strip(e.text), e.type]),
  );
  const lines: string[] = [];
  for (const [k, t] of goldMap) {
    const p = pred.get(k);
    if (p === t) totals.ok++;
    else if (p) {
      totals.wrongType++;
      lines.push(`  TYPE ${t}→${p} ${k}`);
    } else {
      totals.missed++;
      lines.push(`  MISS ${t} ${k}`);
    }
  }
  for (const [k, t] of pred)
    if (!goldMap.has(k)) {
      totals.extra++;
      lines.push(`  EXTRA ${t} ${k}`);
    }
  for (const g of gold.places ?? []) {
    const p = r.places.find((x) => strip(x.text) === strip(g.text));
    if (!p) {
      totals.placeMissed++;
      lines.push(`  PLACE-MISS ${g.text} (${g.name})`);
    } else if (
      g.kind === 'country'
        ? p.country !== g.country
        : km(g.lat, g.lon, p.lat ?? 0, p.lon ?? 0) > (g.tolerance_km ?? 30)
    ) {
      totals.placeBad++;
      lines.push(`  PLACE-WRONG ${g.text}: gold ${g.name} ${g.country} / ours ${p.name} ${p.country}`);
    } else totals.placeOk++;
  }
  for (const p of r.places)
    if (!(gold.places ?? []).some((g: { text: string }) => strip(g.text) === strip(p.text)))
      lines.push(`  PLACE-EXTRA ${p.text} (${p.name} ${p.country})`);
  console.log(`${file.split('/').pop()}\n${lines.join('\n')}`);
}
console.log(totals);

function km(a: number, b: number, c: number, d: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
