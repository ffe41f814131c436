/**
 * Entities and places found and missed, article by article, against gold
 * files: the scorer's matching (../shared/eval/score.mjs), shown.
 *   npx tsx scripts/entity-diff.ts GOLD.json…
 */
import { readFileSync } from 'node:fs';
import { defaultPipeline } from '../src/analyze/index.ts';
import { goldArticleText, scorerNorm as norm } from './gold-article.ts';

const strip = (s: string) => {
  const n = norm(s);
  return /^[وفبلك]ال/.test(n) ? n.slice(1) : n;
};
const totals = { ok: 0, missed: 0, extra: 0, wrongType: 0, placeOk: 0, placeBad: 0, placeMissed: 0 };
for (const file of process.argv.slice(2)) {
  const gold = JSON.parse(readFileSync(file, 'utf8'));
  const text = goldArticleText(file, gold);
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
