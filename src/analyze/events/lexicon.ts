/**
 * The event lexicon, read from data: the triggers that report events
 * (data/events/triggers.tsv, curated, and data/events/cameo-verbs.tsv,
 * seeded from the UniversalPetrarch CAMEO dictionary and reviewed), and the
 * cue words that anchor a nominal trigger or set an event's status
 * (data/events/cues.tsv).
 *
 * Every word is matched by its key: the search form without clitics and
 * without the article, so «والهجوم», «بهجوم» and «هجوم» are one key. Verbs
 * are entered as their past tense and matched in their regular past and
 * present forms too.
 */
import { readTsv } from '../../data-path.ts';
import { foldKey } from '../../text/normalize.ts';
import type { Word } from '../words.ts';

/** How a trigger reports an event: by itself (verb, form, term) or only when anchored (noun). */
export type TriggerClass = 'verb' | 'form' | 'term' | 'noun' | 'actor';

export interface Trigger {
  readonly type: string;
  readonly mode: string | null;
  readonly cls: TriggerClass;
  /** A present-tense verb form («يقصف»): the event is ongoing unless something says otherwise. */
  readonly present: boolean;
  /** Words that, right after the trigger, make it something else. */
  readonly unless: ReadonlySet<string> | null;
}

export interface TriggerHit extends Trigger {
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
}

/** The article is part of the key only when it is not a word's own letters: «الى», «القى» keep theirs. */
export function wordKey(form: string): string {
  return form.length > 4 && form.startsWith('ال') ? form.slice(2) : form;
}

const keyCache = new WeakMap<Word, readonly string[]>();
/**
 * The keys a word in the text may match: as written, without «و/ف», without
 * any clitic. Cached per Word: words are shared by surface form across a
 * document (and across documents while the word table holds them).
 */
export function keysOf(w: Word): readonly string[] {
  let out = keyCache.get(w);
  if (!out) {
    const keys = [wordKey(w.fold)];
    // «وجهتها», «فجروا»: when «و/ف» is the verb's own first letter, not a conjunction, the
    // stem with it put back is the form to match («وجهت»).
    const own = w.conj ? `${w.fold[0]}${w.stem}` : w.stem;
    for (const k of [w.core, w.stem, w.base, own]) {
      const key = wordKey(k);
      if (!keys.includes(key)) keys.push(key);
    }
    out = keys;
    keyCache.set(w, out);
  }
  return out;
}

/** Regular forms of a past-tense verb: the persons news uses, and the present with its prefixes. */
export function verbForms(lemma: string): { form: string; present: boolean }[] {
  // Two letters is a doubled verb written without its shadda («شنّ» → «شنت», «يشن»).
  if (lemma.includes(' ') || lemma.length < 2) return [{ form: lemma, present: false }];
  // No dual «ـا»: «فجرا» is far more often «at dawn» than «the two blew up».
  const past = ['', 'ت', 'وا', 'ن', 'نا'].map((s) => ({ form: `${lemma}${s}`, present: false }));
  // Derived forms that open with «ا» lose it in the present («انسحب» → «ينسحب», «أطلق» → «يطلق»).
  const stem = lemma.startsWith('ا') ? lemma.slice(1) : lemma;
  const present = ['ي', 'ت', 'ن'].flatMap((p) =>
    ['', 'ون', 'ان', 'ين'].map((s) => ({ form: `${p}${stem}${s}`, present: true })),
  );
  return [...past, ...present];
}

interface Node {
  readonly next: Map<string, Node>;
  trigger: Trigger | null;
}
const node = (): Node => ({ next: new Map(), trigger: null });
const MAX_WORDS = 9;
const GAP = 3;

/** A word trie over trigger keys; «*» matches any one word. */
export class TriggerIndex {
  private readonly root = node();

  /** Adds a phrase (words as written); the first entry for a phrase wins. */
  add(phrase: string, trigger: Trigger): void {
    const words = foldKey(phrase).split(' ').filter(Boolean);
    if (!words.length || words.length > MAX_WORDS) return;
    let n = this.root;
    for (const w of words) {
      const key = w === '*' || w === '~' ? w : wordKey(w);
      let child = n.next.get(key);
      if (!child) {
        child = node();
        n.next.set(key, child);
      }
      n = child;
    }
    // A spelling that is both a verb and a verbal noun («خطف», «قصف») reads as the noun: it needs an anchor.
    if (!n.trigger || (trigger.cls === 'noun' && n.trigger.cls === 'verb' && n.trigger.type === trigger.type))
      n.trigger = trigger;
  }

  /** The longest trigger starting at each Arabic token, left to right, not overlapping. */
  find(words: readonly Word[], sentenceOf: Int32Array, keys: (i: number) => readonly string[]): TriggerHit[] {
    const out: TriggerHit[] = [];
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.arabic) continue;
      const best = this.longestAt(i, words, sentenceOf, keys);
      if (!best) continue;
      const next = words[best.end];
      if (best.unless && next?.arabic && keys(best.end).some((k) => best.unless!.has(k))) continue;
      // A «-» entry claims its words for no event («طائرة مسيرة»).
      if (best.type !== '-') out.push(best);
      i = best.end - 1;
    }
    return out;
  }

  private longestAt(
    i: number,
    words: readonly Word[],
    sentenceOf: Int32Array,
    keys: (i: number) => readonly string[],
  ): TriggerHit | null {
    // Most words start no trigger: one lookup of their keys at the root, no walk.
    if (!keys(i).some((k) => this.root.next.has(k))) return null;
    const found: { trigger: Trigger | null; end: number } = { trigger: null, end: 0 };
    this.walk(this.root, i, i, { words, sentenceOf, keys }, found);
    return found.trigger ? { ...found.trigger, start: i, end: found.end } : null;
  }

  /** Depth-first through the trie from token j (the phrase began at token i); the longest match wins. */
  private walk(
    n: Node,
    i: number,
    j: number,
    text: { words: readonly Word[]; sentenceOf: Int32Array; keys: (i: number) => readonly string[] },
    found: { trigger: Trigger | null; end: number },
  ): void {
    if (n.trigger && (!found.trigger || j > found.end)) {
      found.trigger = n.trigger;
      found.end = j;
    }
    const { words, sentenceOf, keys } = text;
    if (j >= words.length || j - i >= MAX_WORDS || !words[j]!.arabic || sentenceOf[j] !== sentenceOf[i])
      return;
    for (const k of keys(j)) {
      const child = n.next.get(k);
      if (child) this.walk(child, i, j + 1, text, found);
    }
    if (j === i) return;
    const any = n.next.get('*');
    if (any) this.walk(any, i, j + 1, text, found);
    // «~»: up to three words, or none («عبرت وزارة الخارجية الكويتية عن أسفها»).
    const gap = n.next.get('~');
    if (gap)
      for (let skip = 0; skip <= GAP; skip++)
        if (j + skip < words.length) this.walk(gap, i, j + skip, text, found);
  }
}

export interface EventLexicon {
  readonly triggers: TriggerIndex;
  /** Cue words by kind (data/events/cues.tsv), as keys; verbs in all their forms, present forms also under `${kind}-present`. */
  readonly cues: ReadonlyMap<string, ReadonlySet<string>>;
  /** Multi-word cues («حادث سير») by kind, as key sequences. */
  readonly phrases: ReadonlyMap<string, readonly string[][]>;
}

/** Cue kinds that hold verbs, matched in all their forms («تعتزم» → «تعتزمان»). */
const CONJUGATED_CUES = new Set([
  'anchor-verb',
  'anchor-other',
  'crowd-act',
  'light-verb',
  'relative-verb',
  'intention',
  'hedge',
  'continuing',
]);

let shared: EventLexicon | null = null;
export function eventLexicon(): EventLexicon {
  if (shared) return shared;
  const triggers = new TriggerIndex();
  const addTrigger = (form: string, type: string, mode: string, cls: TriggerClass, unless: string) => {
    const base = {
      type,
      mode: mode === '-' || !mode ? null : mode,
      cls,
      unless: unless ? new Set(unless.split(',').map((w) => wordKey(foldKey(w)))) : null,
    };
    if (cls === 'verb')
      for (const v of verbForms(foldKey(form))) triggers.add(v.form, { ...base, present: v.present });
    else triggers.add(form, { ...base, present: false });
  };
  // Curated entries first: they win over a reviewed CAMEO verb of the same spelling.
  for (const [form, type, mode, cls, unless] of readTsv('events/triggers.tsv'))
    addTrigger(form!, type!, mode!, cls as TriggerClass, unless ?? '');
  for (const [verb, type, mode, , , review] of readTsv('events/cameo-verbs.tsv'))
    if (review === 'reviewed') addTrigger(verb!, type!, mode!, 'verb', '');

  const cues = new Map<string, Set<string>>();
  const phrases = new Map<string, string[][]>();
  for (const [kind, form] of readTsv('events/cues.tsv')) {
    const words = foldKey(form!).split(' ').map(wordKey);
    if (words.length > 1) {
      const list = phrases.get(kind!) ?? [];
      list.push(words);
      phrases.set(kind!, list);
      continue;
    }
    const add = (k: string, f: string) => {
      const set = cues.get(k) ?? new Set<string>();
      set.add(f);
      cues.set(k, set);
    };
    if (!CONJUGATED_CUES.has(kind!)) add(kind!, words[0]!);
    // Present forms are also kept apart («تشن … هجوما» is going on).
    else for (const v of verbForms(words[0]!)) add(v.present ? `${kind}-present` : kind!, v.form);
  }
  shared = { triggers, cues, phrases };
  return shared;
}
