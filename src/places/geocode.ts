/**
 * Geocoding: which gazetteer entry a place name means.
 *
 * A name is looked up as written, then without a direction after it («حلب
 * الشرقية» → «حلب»), then without a head noun («مدينة الموصل» → «الموصل»;
 * «ريف دمشق» is tried whole first, as it is a province).
 * Among the entries it may mean, the choice goes, in order of weight, to
 *   1. a country named exactly («سوريا» is the country, not a town called so);
 *   2. the country the sentence puts it in («منطقة البو كمال داخل الأراضي
 *      السورية», «الموصل في العراق»): a country name or demonym in the words
 *      right after the name;
 *   3. the countries the article is about: its country names and demonyms,
 *      counted;
 *   4. the places curated for this news over GeoNames' towns of the same name,
 *      and the kind the head noun names (a bare «حلب» is the city, «محافظة
 *      حلب» the province);
 *   5. population.
 */
import { foldKey } from '../text/normalize.ts';
import type { Gazetteer, GazetteerEntry, PlaceKind } from './gazetteer.ts';

/** Adjectives of direction that name a part of a place («حلب الشرقية»), search form. */
export const DIRECTIONS: ReadonlySet<string> = new Set(
  ['الشرقي', 'الشرقية', 'الغربي', 'الغربية', 'الشمالي', 'الشمالية', 'الجنوبي', 'الجنوبية'].map(foldKey),
);

export interface GeocodeContext {
  /** How often the article names each country (by name or demonym). */
  readonly countries: ReadonlyMap<string, number>;
  /** The country the words right after a mention put it in, if any. */
  readonly container?: string | null;
}

export interface Resolution {
  readonly entry: GazetteerEntry;
  /** The head noun's kind when the name had one («محافظة» → region). */
  readonly headKind: PlaceKind | null;
  /** How many entries the name could mean. */
  readonly candidates: number;
}

export class Geocoder {
  constructor(private readonly gaz: Gazetteer) {}

  /** The entries a written name may mean, and the head noun's kind if one was set aside. */
  candidates(name: string): { entries: readonly GazetteerEntry[]; headKind: PlaceKind | null } {
    const key = foldKey(name);
    const whole = this.gaz.lookup(key);
    if (whole.length) return { entries: whole, headKind: null };
    let words = key.split(' ');
    // «حلب الشرقية», «ريف إدلب الجنوبي»: a part of a place, put at the place.
    if (words.length >= 2 && DIRECTIONS.has(words[words.length - 1]!)) {
      words = words.slice(0, -1);
      const rest = this.gaz.lookup(words.join(' '));
      if (rest.length) return { entries: rest, headKind: null };
    }
    if (words.length >= 2) {
      const headKind = this.gaz.head(words[0]!);
      if (headKind) {
        const rest = this.gaz.lookup(words.slice(1).join(' '));
        if (rest.length) return { entries: rest, headKind };
      }
    }
    return { entries: [], headKind: null };
  }

  /** The best entry for a name, or null when the gazetteer has none. */
  resolve(names: readonly string[], context: GeocodeContext): Resolution | null {
    const seen = new Set<GazetteerEntry>();
    let headKind: PlaceKind | null = null;
    let exactCountry: GazetteerEntry | null = null;
    for (const n of names) {
      const c = this.candidates(n);
      headKind ??= c.headKind;
      for (const e of c.entries) {
        seen.add(e);
        if (e.kind === 'country' && !c.headKind) exactCountry ??= e;
      }
    }
    if (!seen.size) return null;
    if (exactCountry) return { entry: exactCountry, headKind, candidates: seen.size };
    let best: GazetteerEntry | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const total = [...context.countries.values()].reduce((a, b) => a + b, 0) || 1;
    for (const e of seen) {
      let score = Math.log10(e.population + 10);
      // Curated places carry no population; they were chosen for this news.
      if (e.id.startsWith('p:')) score += 4;
      // A province and its seat share a name («حلب»): the bare name is the city, «محافظة حلب» the province.
      if (headKind) score += e.kind === headKind ? 2 : 0;
      else if (e.kind === 'city') score += 0.5;
      if (e.country) {
        if (context.container === e.country) score += 100;
        // Worth a tenfold population at most: Geneva, not a town of that name in the country the article is about.
        score += 1.5 * ((context.countries.get(e.country) ?? 0) / total);
      }
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    // A small town outside the region this news is about is taken only in a country the article
    // is mostly about (one of its two most named) or that the sentence puts it in. The Arabic
    // names GeoNames gives such towns are transliterations that collide with Arabic words («بري»,
    // by land: Brea, California); left unresolved, which the caller reports.
    if (best && isSmallTownAbroad(best, headKind, context)) return null;
    return { entry: best!, headKind, candidates: seen.size };
  }
}

/** Towns below this are not taken outside the region on a name alone. */
export const SMALL_TOWN = 50_000;

/** The countries this news is about and around: the Arab League's members, Turkey, Iran, Israel. */
const REGION: ReadonlySet<string> = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE TR IR IL'.split(' '),
);

function isSmallTownAbroad(e: GazetteerEntry, headKind: PlaceKind | null, context: GeocodeContext): boolean {
  if (headKind || e.id.startsWith('p:') || e.kind !== 'city' || e.population >= SMALL_TOWN || !e.country)
    return false;
  if (REGION.has(e.country)) return false;
  if (context.container === e.country || context.countries.size === 0) return false;
  const top = [...context.countries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([c]) => c);
  return !top.includes(e.country);
}
