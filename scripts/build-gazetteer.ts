/**
 * Builds data/gazetteer/gazetteer.tsv, the places isnad can put on a map,
 * from four sources:
 *
 *  1. GeoNames cities15000 (../shared/data/geonames/cities15000.txt, CC BY
 *     4.0): every place of 15,000 people or more, with the Arabic-script
 *     alternate names that are Arabic — names using letters Arabic does not
 *     (Persian and Kurdish پ چ ژ گ ک ی ە ڵ, Urdu ٹ ڈ ہ ے, Uyghur ې ۋ ۇ and
 *     the rest of the extended block) are dropped;
 *  2. data/gazetteer/countries.tsv (curated): countries, their Arabic names,
 *     and their capital's GeoNames id, whose coordinates the country takes;
 *  3. data/gazetteer/regions.tsv (curated): first-level regions by GeoNames
 *     admin1 code, placed at their seat city (or the mean of their cities);
 *  4. data/gazetteer/places.tsv (curated): places the news names that
 *     cities15000 lacks, with approximate coordinates and a tolerance.
 *
 * It also writes data/gazetteer/demonyms.tsv: nisba adjectives and demonyms
 * (عراقي، السورية، أمريكيون …) with their country, from countries.tsv.
 *
 * Rows are sorted by id; the same inputs give the same bytes.
 *
 *   npx tsx scripts/build-gazetteer.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dataPath, readTsv } from '../src/data-path.ts';

const cities = new URL('../../shared/data/geonames/cities15000.txt', import.meta.url).pathname;
// Arabic is written with the 28 letters, hamza forms, teh marbuta and alef maqsura
// (U+0621–U+064A), with optional marks. Every extended letter (U+0671 on) belongs to
// another language's spelling: Persian پ چ ژ گ ک ی, Kurdish ە ڵ ۆ ێ ڕ, Urdu ٹ ڈ ہ ے,
// Uyghur ې ۋ ۇ, Pashto ډ ټ, Sindhi ڪ ڊ.
const ARABIC = /^[\u0621-\u064a\u064b-\u065f\u0670\s\-'()]+$/;
// Uyghur writes a word-initial vowel with a hamza seat, which Arabic never does («ئوساكا»).
const UYGHUR_START = /(^|\s)ئ/;

interface Entry {
  id: string;
  kind: 'city' | 'country' | 'region' | 'site';
  country: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  geonames: number;
  tolerance: number;
  names: Set<string>;
}

const entries = new Map<string, Entry>();
const cityRows = new Map<
  number,
  { lat: number; lon: number; country: string; admin1: string; pop: number }
>();

// 1. GeoNames cities.
for (const line of readFileSync(cities, 'utf8').split('\n')) {
  if (!line) continue;
  const c = line.split('\t');
  const id = Number(c[0]);
  const lat = Number(c[4]);
  const lon = Number(c[5]);
  const country = c[8]!;
  const pop = Number(c[14]) || 0;
  cityRows.set(id, { lat, lon, country, admin1: c[10]!, pop });
  const names = new Set(
    c[3]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && ARABIC.test(n) && !UYGHUR_START.test(n)),
  );
  if (!names.size) continue;
  entries.set(`g:${id}`, {
    id: `g:${id}`,
    kind: 'city',
    country,
    name: c[1]!,
    lat,
    lon,
    population: pop,
    geonames: id,
    tolerance: 0,
    names,
  });
}

const optional = (rel: string) => (existsSync(dataPath(rel)) ? readTsv(rel) : []);
const split = (s: string | undefined) =>
  (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x && x !== '-');
const round4 = (x: number) => Math.round(x * 10000) / 10000;

function meanOf(
  filter: (r: { country: string; admin1: string }) => boolean,
): { lat: number; lon: number; pop: number } | null {
  let w = 0;
  let lat = 0;
  let lon = 0;
  for (const r of cityRows.values()) {
    if (!filter(r)) continue;
    const k = Math.max(r.pop, 1);
    w += k;
    lat += r.lat * k;
    lon += r.lon * k;
  }
  return w ? { lat: round4(lat / w), lon: round4(lon / w), pop: w } : null;
}

// 2. Countries, at their capital.
const demonyms: string[] = [];
for (const [iso2, nameEn, namesAr, demonymsAr, capital] of optional('gazetteer/countries.tsv')) {
  const cap = capital && capital !== '-' ? cityRows.get(Number(capital)) : undefined;
  const at = cap ?? meanOf((r) => r.country === iso2);
  if (!at) continue;
  const population = meanOf((r) => r.country === iso2)?.pop ?? 0;
  entries.set(`c:${iso2}`, {
    id: `c:${iso2}`,
    kind: 'country',
    country: iso2!,
    name: nameEn!,
    lat: at.lat,
    lon: at.lon,
    population,
    geonames: 0,
    tolerance: 0,
    names: new Set(split(namesAr)),
  });
  for (const d of split(demonymsAr)) demonyms.push(`${d}\t${iso2}`);
}

// 3. Regions, at their seat.
for (const [country, admin1, nameEn, namesAr, seat] of optional('gazetteer/regions.tsv')) {
  const s = seat && seat !== '-' ? cityRows.get(Number(seat)) : undefined;
  const inRegion = meanOf((r) => r.country === country && r.admin1 === admin1);
  const at = s ?? inRegion;
  if (!at) continue;
  entries.set(`r:${country}.${admin1}`, {
    id: `r:${country}.${admin1}`,
    kind: 'region',
    country: country!,
    name: nameEn!,
    lat: round4(at.lat),
    lon: round4(at.lon),
    population: inRegion?.pop ?? 0,
    geonames: 0,
    tolerance: 0,
    names: new Set(split(namesAr)),
  });
}

// 4. Curated places.
for (const [key, nameEn, namesAr, country, kind, lat, lon, tolerance] of optional('gazetteer/places.tsv')) {
  entries.set(`p:${key}`, {
    id: `p:${key}`,
    kind: kind as Entry['kind'],
    country: country === '-' ? '' : country!,
    name: nameEn!,
    lat: Number(lat),
    lon: Number(lon),
    population: 0,
    geonames: 0,
    tolerance: Number(tolerance) || 0,
    names: new Set(split(namesAr)),
  });
}

const rows = [...entries.values()]
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  .map((e) =>
    [
      e.id,
      e.kind,
      e.country || '-',
      e.name,
      e.lat,
      e.lon,
      e.population,
      e.geonames,
      e.tolerance,
      [...e.names].sort().join('|'),
    ].join('\t'),
  );
const header = [
  '# Places with their Arabic names, for geocoding. Generated by scripts/build-gazetteer.ts from:',
  '#   GeoNames cities15000 (geonames.org, CC BY 4.0; Arabic alternate names only) and the curated',
  '#   data/gazetteer/{countries,regions,places}.tsv (isnad developers). See data/SOURCES.md.',
  '# id: g:<geonameid> | c:<iso2> | r:<iso2>.<admin1> | p:<key>; tolerance in km (0: exact point)',
  '#id\tkind\tcountry\tname\tlat\tlon\tpopulation\tgeonames\ttolerance_km\tnames_ar',
];
writeFileSync(dataPath('gazetteer/gazetteer.tsv'), `${[...header, ...rows].join('\n')}\n`);
const demonymHeader = [
  '# Demonyms and nisba adjectives (without the article) and their country, from the curated',
  '# data/gazetteer/countries.tsv. Generated by scripts/build-gazetteer.ts.',
  '#form\tcountry',
];
writeFileSync(
  dataPath('gazetteer/demonyms.tsv'),
  `${[...demonymHeader, ...[...new Set(demonyms)].sort()].join('\n')}\n`,
);
console.log(`${rows.length} places, ${new Set(demonyms).size} demonyms → data/gazetteer/`);
