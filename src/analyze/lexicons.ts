/**
 * The curated and generated word lists the analysis components read
 * (data/lexicon/*.tsv), loaded once and keyed by the search form of each
 * word (diacritics removed, alef/yeh/teh-marbuta folded), so «أكد» and
 * «اكد», «وزارة» and «وزاره» meet.
 */
import { readTsv } from '../data-path.ts';
import { foldKey } from '../text/normalize.ts';

export { readTsv };

export type Gender = 'm' | 'f';
export type GrammaticalNumber = 'sg' | 'du' | 'pl';
export type CueClass = 'speech' | 'belief' | 'act' | 'report' | 'deny';
export type ContentKind = 'an' | 'quote' | 'obj' | 'bi' | 'ila' | 'min' | 'ala' | 'an-prep';

export interface VerbCue {
  readonly lemma: string;
  readonly cls: CueClass;
  readonly content: readonly ContentKind[];
  /** Counts only when content is found: the form is also a common noun or preposition. */
  readonly strict: boolean;
  readonly form: 'past' | 'present' | 'participle';
  readonly gender: Gender;
  readonly number: GrammaticalNumber;
}

export interface Outlet {
  readonly name: string;
  readonly kind: string;
  readonly country: string;
  /** Alias as folded tokens. */
  readonly tokens: readonly string[];
  /** The alias is also an ordinary word: only after an outlet word or where a source is expected. */
  readonly needsContext: boolean;
}

export interface Lexicons {
  readonly verbs: ReadonlyMap<string, VerbCue>;
  /** Channel nouns: `noun` heads a channel phrase («بيان»); `recipient` follows ل («لمراسل»). */
  readonly channels: ReadonlyMap<string, { kind: string; noun: boolean; recipient: boolean }>;
  /** Attribution phrases as folded token sequences, longest first. */
  readonly attributions: readonly { tokens: readonly string[]; lemma: string }[];
  readonly passives: ReadonlyMap<string, string>;
  /**
   * Passives told from their active only by the spelling («يدعى» vs «يدعي»): by folded form (a
   * cheap first test), then by the form as written → lemma.
   */
  readonly passiveSpellings: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly personTitles: ReadonlyMap<string, Gender>;
  readonly groupHeads: ReadonlyMap<string, Gender>;
  readonly orgHeads: ReadonlyMap<string, Gender>;
  readonly outlets: readonly Outlet[];
  /** Outlets indexed by the folded first token of each alias. */
  readonly outletsByFirst: ReadonlyMap<string, readonly Outlet[]>;
  readonly personNames: ReadonlySet<string>;
  /** Words ANERcorp never tags as part of an entity («أي», «يجب»). */
  readonly commonWords: ReadonlySet<string>;
  /** Verbal nouns that report speech («تصريحات X بأن …»): folded noun → lemma and content kinds. */
  readonly reportingNouns: ReadonlyMap<string, { lemma: string; obj: boolean }>;
  /** Closed-class words by category (time, discourse, auxiliary, preposition, relative, commentary, name-particle). */
  readonly functionWords: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Is `fold` a function word of `category`? */
export function isFunctionWord(lex: Lexicons, fold: string, category: string): boolean {
  return lex.functionWords.get(fold)?.has(category) ?? false;
}

const NO = '-';

/** Gender and number of one inflected verb form, from its slot in the lemma table. */
function slotFeatures(slot: number): { gender: Gender; number: GrammaticalNumber } {
  return (
    [
      { gender: 'm', number: 'sg' },
      { gender: 'f', number: 'sg' },
      { gender: 'm', number: 'pl' },
      { gender: 'm', number: 'du' },
      { gender: 'f', number: 'du' },
    ] as const
  )[slot]!;
}

function loadVerbs(): Map<string, VerbCue> {
  const verbs = new Map<string, VerbCue>();
  for (const [lemma, cls, content, strict, past, present, participles] of readTsv(
    'lexicon/reporting-lemmas.tsv',
  )) {
    const base = {
      lemma: lemma!,
      cls: cls as CueClass,
      content: content!.split(',') as ContentKind[],
      strict: strict === 'yes',
    };
    const add = (form: string, v: VerbCue) => {
      if (form === NO) return;
      const key = foldKey(form);
      if (!verbs.has(key)) verbs.set(key, v);
    };
    past!.split(' ').forEach((f, i) => {
      add(f, { ...base, form: 'past', ...slotFeatures(i) });
    });
    present!.split(' ').forEach((f, i) => {
      // present: 3ms 3fs 3mp 3md
      const feats = [slotFeatures(0), slotFeatures(1), slotFeatures(2), slotFeatures(3)][i]!;
      add(f, { ...base, form: 'present', ...feats });
    });
    participles!.split(' ').forEach((f, i) => {
      const feats = [
        { gender: 'm', number: 'sg' },
        { gender: 'f', number: 'sg' },
        { gender: 'm', number: 'pl' },
      ][i] as { gender: Gender; number: GrammaticalNumber };
      add(f, { ...base, form: 'participle', ...feats });
    });
  }
  return verbs;
}

function loadOutlets(): Outlet[] {
  const outlets: Outlet[] = [];
  for (const [name, aliases, kind, country] of readTsv('lexicon/outlets.tsv')) {
    const forms = [name!, ...aliases!.split('|')];
    for (const raw of forms) {
      const needsContext = raw.endsWith('*');
      const alias = needsContext ? raw.slice(0, -1) : raw;
      const tokens = foldKey(alias.replace(/["«»“”]/g, ' '))
        .split(/\s+/)
        .filter(Boolean);
      if (tokens.length)
        outlets.push({ name: name!, kind: kind!, country: country ?? '', tokens, needsContext });
    }
  }
  return outlets;
}

function loadPassiveSpellings(): Map<string, Map<string, string>> {
  const m = new Map<string, Map<string, string>>();
  for (const [form, lemma, match] of readTsv('lexicon/passives.tsv')) {
    if (match !== 'exact') continue;
    const key = foldKey(form!);
    const spellings = m.get(key) ?? new Map<string, string>();
    spellings.set(form!, lemma!);
    m.set(key, spellings);
  }
  return m;
}

function mapOf<T>(relative: string, value: (row: string[]) => T): Map<string, T> {
  const m = new Map<string, T>();
  for (const row of readTsv(relative)) m.set(foldKey(row[0]!), value(row));
  return m;
}

function loadFunctionWords(): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const [word, category] of readTsv('lexicon/function-words.tsv')) {
    const key = foldKey(word!);
    const set = m.get(key) ?? new Set<string>();
    set.add(category!);
    m.set(key, set);
  }
  return m;
}

function loadChannels(): Map<string, { kind: string; noun: boolean; recipient: boolean }> {
  const m = new Map<string, { kind: string; noun: boolean; recipient: boolean }>();
  for (const [word, kind, role] of readTsv('lexicon/channels.tsv')) {
    const key = foldKey(word!);
    const prev = m.get(key) ?? { kind: kind!, noun: false, recipient: false };
    m.set(key, {
      kind: prev.kind,
      noun: prev.noun || role === 'noun',
      recipient: prev.recipient || role === 'recipient',
    });
  }
  return m;
}

let shared: Lexicons | null = null;

/** The shipped lexicons, loaded on first use. */
export function lexicons(): Lexicons {
  if (shared) return shared;
  const outlets = loadOutlets();
  const outletsByFirst = new Map<string, Outlet[]>();
  for (const o of outlets) {
    const list = outletsByFirst.get(o.tokens[0]!) ?? [];
    list.push(o);
    outletsByFirst.set(o.tokens[0]!, list);
  }
  for (const list of outletsByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  shared = {
    verbs: loadVerbs(),
    channels: loadChannels(),
    attributions: readTsv('lexicon/attributions.tsv')
      .map(([phrase, lemma]) => ({ tokens: foldKey(phrase!).split(/\s+/), lemma: lemma! }))
      .sort((a, b) => b.tokens.length - a.tokens.length),
    passives: new Map(
      readTsv('lexicon/passives.tsv')
        .filter((r) => r[2] !== 'exact')
        .map((r) => [foldKey(r[0]!), r[1]!]),
    ),
    passiveSpellings: loadPassiveSpellings(),
    personTitles: mapOf('lexicon/person-titles.tsv', (r) => r[1] as Gender),
    groupHeads: mapOf('lexicon/group-heads.tsv', (r) => r[1] as Gender),
    orgHeads: mapOf('lexicon/org-heads.tsv', (r) => r[1] as Gender),
    outlets,
    outletsByFirst,
    personNames: new Set(readTsv('lexicon/person-names.tsv').map((r) => foldKey(r[0]!))),
    functionWords: loadFunctionWords(),
    commonWords: new Set(readTsv('lexicon/common-words.tsv').map((r) => foldKey(r[0]!))),
    reportingNouns: mapOf('lexicon/reporting-nouns.tsv', (r) => ({
      lemma: r[1]!,
      obj: (r[2] ?? '').includes('obj'),
    })),
  };
  return shared;
}
