/**
 * Names the project knows: the actor table's names and the gazetteer's
 * places, found in the text by longest match over words. They correct the
 * tagger where it knows less than the tables (ANERcorp is news of 2003–2007:
 * «قوات سوريا الديمقراطية», «هيئة تحرير الشام» or «البو كمال» are not in it),
 * and never where the tagger found a longer name around them.
 *
 * What goes in, and why:
 *  - every name of every actor, typed by its kind (states are LOC, people
 *    PER, the rest ORG) — except one-word names that are also common words
 *    in ANERcorp (data/lexicon/common-words.tsv) or shorter than three
 *    letters, family names alone («الأسد»), and descriptions such as
 *    «الحكومة العراقية» (kept in the table for linking);
 *  - every name of a curated region or place (LOC), and of a country (one-word
 *    names of countries not in the actor table as weak names, below);
 *  - GeoNames' towns (LOC) when the name has two words or more; a one-word
 *    town's name («المدينة», «خبر», «الجديدة» are towns too) only where the
 *    tagger also saw a name, to give it its type.
 */
import { actorTable } from '../../actors/actors.ts';
import type { EntityType } from '../../ner/tags.ts';
import { gazetteer, withoutArticle } from '../../places/gazetteer.ts';
import { foldKey } from '../../text/normalize.ts';
import { wordPrefixes } from '../../text/phrases.ts';
import { lexicons } from '../lexicons.ts';
import type { Reader } from '../quotes/reader.ts';

const MAX_WORDS = 8;

export interface KnownSpan {
  readonly type: EntityType;
  /** Weak names (one word that is also a GeoNames town's) count only where the tagger saw a name. */
  readonly weak: boolean;
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
}

export class KnownNames {
  private readonly names = new Map<string, { type: EntityType; weak: boolean }>();
  /** Every prefix of a name (in words), so a match stops as soon as no name can continue. */
  private readonly prefixes = new Set<string>();

  add(name: string, type: EntityType, weak = false): void {
    const key = foldKey(name);
    const had = this.names.get(key);
    if (!key || (had && !(had.weak && !weak))) return;
    this.names.set(key, { type, weak });
    for (const p of wordPrefixes(key)) this.prefixes.add(p);
  }

  /** Are tokens [start, end) a place name the tables know? */
  isPlace(r: Reader, start: number, end: number): boolean {
    const key = [r.words[start]!.nominal, ...r.words.slice(start + 1, end).map((w) => w.fold)].join(' ');
    return this.names.get(key)?.type === 'LOC';
  }

  /** Longest known names in the text, left to right, not overlapping. */
  find(r: Reader): KnownSpan[] {
    const out: KnownSpan[] = [];
    for (let i = 0; i < r.length; i++) {
      const first = r.words[i]!;
      if (!first.arabic) continue;
      // The first word without its conjunction and preposition («ولتنظيم» → «تنظيم»).
      let key = first.nominal;
      let best: KnownSpan | null = null;
      for (let j = i; j < Math.min(r.length, i + MAX_WORDS); j++) {
        if (j > i) {
          const w = r.words[j]!;
          if (!w.arabic || r.sentenceOf[j] !== r.sentenceOf[i]) break;
          key = `${key} ${w.fold}`;
        }
        const hit = this.names.get(key);
        if (hit) best = { ...hit, start: i, end: j + 1 };
        if (!this.prefixes.has(key)) break;
      }
      if (best) {
        out.push(best);
        i = best.end - 1;
      }
    }
    return out;
  }
}

/** Heads of descriptions, not names («الحكومة العراقية», «النظام السوري»): such table names link, but do not find. */
const DESCRIPTIVE_HEADS = new Set(['حكومه', 'نظام', 'سلطات', 'سلطه', 'رياسه', 'اداره']);

let shared: KnownNames | null = null;
export function knownNames(): KnownNames {
  if (shared) return shared;
  const k = new KnownNames();
  const common = lexicons().commonWords;
  const oneWordOk = (key: string) => key.length >= 3 && !common.has(key);
  for (const [key, actor] of actorTable().names()) {
    const type: EntityType = actor.kind === 'person' ? 'PER' : actor.kind === 'state' ? 'LOC' : 'ORG';
    const words = key.split(' ');
    if (DESCRIPTIVE_HEADS.has(withoutArticle(words[0]!))) continue;
    // «القوات الأمريكية»: forces described by their country, not a name.
    if (words.length === 2 && words[0] === 'القوات') continue;
    // A family name alone («الأسد», «العبادي») is shared by relatives; «بوتين» is not.
    if (words.length === 1 && (!oneWordOk(key) || (type === 'PER' && key.startsWith('ال')))) continue;
    k.add(key, type);
  }
  for (const place of gazetteer().entries) {
    // Countries the actor table lists are found above; a one-word name of any other
    // («مالي» is also "financial") needs the tagger's agreement, as a town's does.
    const curated = place.id.startsWith('p:') || place.id.startsWith('r:');
    for (const key of place.names) {
      if (key.includes(' ')) k.add(key, 'LOC');
      else if (oneWordOk(key)) k.add(key, 'LOC', !curated);
    }
  }
  shared = k;
  return k;
}
