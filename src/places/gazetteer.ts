/**
 * The gazetteer: places with their Arabic names (data/gazetteer/gazetteer.tsv,
 * built by scripts/build-gazetteer.ts), the demonyms that point at a country,
 * and the nouns that head a place name. Names are looked up by their search
 * form (foldKey), with and without the article, so «سورية» finds «سوريا»'s
 * entry and «موصل» finds «الموصل».
 */
import { readTsv } from '../data-path.ts';
import { foldKey } from '../text/normalize.ts';

export type PlaceKind = 'country' | 'region' | 'city' | 'site';

export interface GazetteerEntry {
  /** g:<geonameid> | c:<iso2> | r:<iso2>.<admin1> | p:<key> */
  readonly id: string;
  readonly kind: PlaceKind;
  /** ISO 3166-1 alpha-2, or null for places of no one country (seas, continents). */
  readonly country: string | null;
  /** English name. */
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  /** GeoNames id, 0 when the place is not in GeoNames' cities15000. */
  readonly geonames: number;
  /** How far the point may be from the place's edge, in km (0 for a city's own point). */
  readonly toleranceKm: number;
  /** The Arabic name the gazetteer lists first. */
  readonly arabic: string;
  /** All its Arabic names, in search form. */
  readonly names: readonly string[];
}

export class Gazetteer {
  private readonly byKey = new Map<string, GazetteerEntry[]>();
  /** Every place, in file order. */
  readonly entries: GazetteerEntry[] = [];
  private readonly demonyms = new Map<string, string>();
  private readonly heads = new Map<string, PlaceKind>();
  /** How many words the longest name has: how far a lookup needs to look. */
  readonly longestName: number;

  constructor(
    rows: readonly (readonly string[])[],
    demonyms: readonly (readonly string[])[],
    heads: readonly (readonly string[])[],
  ) {
    let longest = 1;
    for (const r of rows) {
      const names = r[9]!.split('|').filter(Boolean);
      const entry: GazetteerEntry = {
        id: r[0]!,
        kind: r[1] as PlaceKind,
        country: r[2] === '-' || !r[2] ? null : r[2]!,
        name: r[3]!,
        lat: Number(r[4]),
        lon: Number(r[5]),
        population: Number(r[6]) || 0,
        geonames: Number(r[7]) || 0,
        toleranceKm: Number(r[8]) || 0,
        arabic: names[0] ?? r[3]!,
        names: names.map(foldKey).filter(Boolean),
      };
      this.entries.push(entry);
      for (const key of entry.names) {
        for (const k of new Set([key, withoutArticle(key)])) {
          if (!k) continue;
          const list = this.byKey.get(k);
          if (!list) this.byKey.set(k, [entry]);
          else if (!list.includes(entry)) list.push(entry);
        }
        longest = Math.max(longest, key.split(' ').length);
      }
    }
    this.longestName = longest;
    for (const [form, country] of demonyms) {
      const key = foldKey(form!);
      this.demonyms.set(key, country!);
      this.demonyms.set(`ال${key}`, country!);
    }
    for (const [word, kind] of heads) this.heads.set(foldKey(word!), kind as PlaceKind);
  }

  /** Every entry a name may mean (search form in; the article optional). */
  lookup(name: string): readonly GazetteerEntry[] {
    const key = foldKey(name);
    return this.byKey.get(key) ?? this.byKey.get(withoutArticle(key)) ?? [];
  }

  /** The country a demonym or nisba adjective points at («العراقية» → IQ), or null. */
  demonym(word: string): string | null {
    return this.demonymOfKey(foldKey(word));
  }

  /** `demonym` of a word already in search form (the hot path). */
  demonymOfKey(key: string): string | null {
    return this.demonyms.get(key) ?? null;
  }

  /** The country a name in search form names exactly, or null. */
  countryOfKey(key: string): string | null {
    return (this.byKey.get(key) ?? []).find((e) => e.kind === 'country')?.country ?? null;
  }

  /** The kind of place a head noun announces («محافظة» → region), or null. */
  head(word: string): PlaceKind | null {
    return this.heads.get(foldKey(word)) ?? null;
  }
}

/** «الموصل» → «موصل»; names shorter than three letters after the article are left alone. */
export function withoutArticle(key: string): string {
  return key.startsWith('ال') && key.length > 4 ? key.slice(2) : key;
}

let shared: Gazetteer | null = null;
/** The shipped gazetteer, loaded on first use. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer(
    readTsv('gazetteer/gazetteer.tsv'),
    readTsv('gazetteer/demonyms.tsv'),
    readTsv('ner/place-heads.tsv'),
  );
  return shared;
}
