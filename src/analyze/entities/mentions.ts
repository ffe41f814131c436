/**
 * Named mentions, from three readers that are good at different things:
 *  1. the trained tagger (src/ner): names in context, including names no list has;
 *  2. known names (known-names.ts): the actor table and the gazetteer, which
 *     know the names of this news that the tagger's training data predates;
 *  3. institution names by their shape (institutions.ts): a head noun and
 *     the construct chain it governs («وزارة الداخلية السعودية», «منظمة حظر
 *     الأسلحة الكيمياوية»); and names of events and resolutions by theirs
 *     (named-events.ts: «قمة هلسنكي», «قرار 2254»).
 * Where they overlap, the longest span wins; on a tie, the outlets the
 * quotation component found, then the tables, then institution shapes, then
 * the tagger (the tables know the types of the names they hold better).
 *
 * A span keeps the words it was given, but a leading conjunction or
 * preposition is cut off («وبغداد» → «بغداد», «لسوريا» → «سوريا»). The
 * exception is «لل» before a definite noun («للهيئة»): the article is fused
 * into the preposition, no substring is the bare name, and the guidelines
 * keep such mentions verbatim.
 */
import { nerTagger, spansOfIndices } from '../../ner/index.ts';
import type { EntityType } from '../../ner/tags.ts';
import { DIRECTIONS } from '../../places/geocode.ts';
import { foldKey } from '../../text/normalize.ts';
import type { Reader } from '../quotes/reader.ts';
import { institutionNames } from './institutions.ts';
import { knownNames } from './known-names.ts';
import { namedEvents } from './named-events.ts';

export interface Mention {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Search form of the text. */
  readonly key: string;
  /** Search forms of its words, a fused «لل» read as «ال» («للعراق» → «العراق»). */
  readonly words: readonly string[];
  /** Written with a preposition that could not be cut off («للعراق»). */
  readonly fused?: boolean;
}

/** A candidate over token indices [start, end). */
interface TokenSpan {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly from: 'tagger' | 'known' | 'institution' | 'source';
  readonly weak?: boolean;
}

/**
 * Currencies: ANERcorp tags «دولار» MISC, but the guidelines' MISC is groups,
 * events and laws, and a currency is none.
 */
const CURRENCIES = new Set(
  ['دولار', 'دولارا', 'يورو', 'جنيه', 'دينار', 'ليرة', 'ريال', 'درهم', 'روبل', 'شيكل', 'تومان'].map(foldKey),
);

export function findMentions(r: Reader): Mention[] {
  const tagged = taggedSpans(r).filter(
    (s) =>
      (s.end - s.start > 1 || nameLike(r, s.start)) &&
      !(s.type === 'MISC' && CURRENCIES.has(r.words[s.start]!.stem)),
  );
  const byTagger = new Uint8Array(r.length);
  for (const t of tagged) byTagger.fill(1, t.start, t.end);
  const known = knownSpans(r).filter((k) => !k.weak || locative(r, k.start) || anyMarked(byTagger, k));
  const knownPlaces = new Map(known.filter((k) => k.type !== 'ORG').map((k) => [k.start, k.end]));
  const institutions = institutionNames(r, knownPlaces).map((s) => ({
    type: 'ORG' as const,
    ...s,
    from: 'institution' as const,
  }));
  const placeEnds = new Map(known.filter((k) => k.type === 'LOC').map((k) => [k.start, k.end]));
  for (const t of tagged) if (t.type === 'LOC' && !placeEnds.has(t.start)) placeEnds.set(t.start, t.end);
  const events = namedEvents(r, (i) => placeEnds.get(i) ?? -1).map((s) => ({
    type: 'MISC' as const,
    ...s,
    from: 'institution' as const,
  }));
  const spans = trimPlaces(
    r,
    extendDirections(r, reconcile(r, [...tagged, ...known, ...institutions, ...events, ...sourceSpans(r)])),
  );
  const out: Mention[] = [];
  for (const s of spans) {
    const cut = cliticLength(r, s.start);
    const start = r.tokens[s.start]!.start + cut;
    const end = r.tokens[s.end - 1]!.end;
    if (end <= start) continue;
    const text = r.text.slice(start, end);
    const key = foldKey(text);
    if (!key) continue;
    const words = key.split(' ');
    const first = r.words[s.start]!;
    // The preposition stayed on (cliticLength would not cut it): the word's nominal form spells the article out.
    const fused = cut === 0 && first.prep === 'ل' && first.definite;
    if (fused) words[0] = first.nominal;
    out.push({ type: s.type, start, end, text, key, words, ...(fused ? { fused } : {}) });
  }
  return out;
}

/** Words after which a town's name is a place («من الموصل», «في الرقة», «ريف حلب»). */
const LOCATIVE = new Set(
  [
    'في',
    'من',
    'الى',
    'إلى',
    'نحو',
    'قرب',
    'داخل',
    'ريف',
    'مدينة',
    'محافظة',
    'بلدة',
    'شمال',
    'جنوب',
    'شرق',
    'غرب',
    'شمالي',
    'جنوبي',
    'شرقي',
    'غربي',
  ].map(foldKey),
);

/** A one-word town's name right after a locative word, itself no common noun («من المدينة» is not Medina). */
function locative(r: Reader, i: number): boolean {
  const prev = r.words[i - 1];
  const w = r.words[i]!;
  if (!prev?.arabic || w.prep || w.conj) return false;
  return LOCATIVE.has(prev.core) && !r.lex.commonWords.has(w.stem) && !r.lex.commonWords.has(w.nominal);
}

/**
 * A one-word tagger span is kept when the word can be a name: not one of the
 * words ANERcorp never tags (common-words.tsv: «بقلم», «دولار» slip through
 * the model now and then), and three letters or more.
 */
function nameLike(r: Reader, i: number): boolean {
  const w = r.words[i]!;
  if (!w.arabic) return r.tokens[i]!.text.length > 2;
  return w.stem.length > 2 && !r.lex.commonWords.has(w.stem) && !r.lex.commonWords.has(w.nominal);
}

/** The outlets the quotation component found, in their place («وذكرت وكالة الأنباء العراقية»). */
function sourceSpans(r: Reader): TokenSpan[] {
  const out: TokenSpan[] = [];
  let t = 0;
  for (const src of [...r.doc.sources].sort((a, b) => a.start - b.start)) {
    while (t < r.length && r.tokens[t]!.end <= src.start) t++;
    let e = t;
    while (e < r.length && r.tokens[e]!.start < src.end) e++;
    if (e > t) out.push({ type: 'ORG', start: t, end: e, from: 'source' });
  }
  return out;
}

/** Direction nouns before a place («شمال سوريا», «جنوبي سوريا», «شمال غرب سوريا»): where in it, not its name. */
const DIRECTION_NOUNS = new Set(
  ['شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'وسط', 'أقصى'].map(foldKey),
);
/** Adjectives after a place that describe its state, not its name («الجولان المحتل»). */
const PLACE_STATES = new Set(['المحتل', 'المحتلة', 'المحررة', 'المحرر', 'المحاصرة', 'المحاصر'].map(foldKey));

/** A place's span without the direction words before it or a state after it, when the rest is a place the tables know. */
function trimPlaces(r: Reader, spans: TokenSpan[]): TokenSpan[] {
  const names = knownNames();
  return spans.map((s) => {
    if (s.type !== 'LOC' || s.end - s.start < 2) return s;
    let { start, end } = s;
    while (end - start > 1 && r.words[start]!.arabic && DIRECTION_NOUNS.has(r.words[start]!.nominal)) start++;
    while (end - start > 1 && PLACE_STATES.has(r.words[end - 1]!.fold)) end--;
    if (start === s.start && end === s.end) return s;
    return names.isPlace(r, start, end) ? { ...s, start, end } : s;
  });
}

/** A place followed by a direction takes it in: «حلب الشرقية» is a part of Aleppo, named so. */
function extendDirections(r: Reader, spans: TokenSpan[]): TokenSpan[] {
  return spans.map((s, k) => {
    const next = s.end;
    if (s.type !== 'LOC' || next >= r.length || spans[k + 1]?.start === next) return s;
    const w = r.words[next]!;
    return w.arabic && !w.conj && !w.prep && DIRECTIONS.has(w.fold) ? { ...s, end: next + 1 } : s;
  });
}

function taggedSpans(r: Reader): TokenSpan[] {
  const ranges = r.sentenceRanges.filter(Boolean);
  const words = ranges.map(([a, b]) => r.tokens.slice(a, b).map((t) => t.text));
  const tags = nerTagger().tagDocumentIndices(words);
  const out: TokenSpan[] = [];
  tags.forEach((sentenceTags, k) => {
    const offset = ranges[k]![0];
    for (const s of spansOfIndices(sentenceTags))
      out.push({ type: s.type, start: offset + s.start, end: offset + s.end, from: 'tagger' });
  });
  return out;
}

function knownSpans(r: Reader): TokenSpan[] {
  return knownNames()
    .find(r)
    .map((s) => ({ ...s, from: 'known' as const }));
}

/** Longest first; among equals, the tagger for persons, the tables otherwise; no overlaps. */
function reconcile(r: Reader, spans: TokenSpan[]): TokenSpan[] {
  const rank = (s: TokenSpan) =>
    s.from === 'source' ? 0 : s.from === 'known' ? 1 : s.from === 'institution' ? 2 : 3;
  const sorted = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start,
  );
  // Tokens already given to a span: linear in the spans' length, however many there are.
  const taken = new Uint8Array(r.length);
  const out: TokenSpan[] = [];
  for (const s of sorted) {
    if (anyMarked(taken, s)) continue;
    taken.fill(1, s.start, s.end);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

function anyMarked(marks: Uint8Array, s: { start: number; end: number }): boolean {
  for (let i = s.start; i < s.end; i++) if (marks[i]) return true;
  return false;
}

/** How many characters of conjunction and preposition open a token, when cutting them leaves the name verbatim. */
function cliticLength(r: Reader, token: number): number {
  const parts = r.doc.segments[token];
  if (!parts) return 0;
  let cut = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.role !== 'conj' && p.role !== 'prep') break;
    // «لل» + noun: the article's alif is gone; cutting the ل would leave «لهيئة».
    if (p.role === 'prep' && parts[i + 1]?.role === 'det' && parts[i + 1]!.end - parts[i + 1]!.start < 2)
      break;
    cut = p.end;
  }
  const t = r.tokens[token]!;
  // Never cut a whole token, nor leave fewer than two letters.
  return t.end - t.start - cut >= 2 ? cut : 0;
}
