/**
 * The claims component: statements inside quotations that a fact-checker
 * would follow up. Each quotation's content is cut into clauses (at sentence
 * ends, commas and the conjunctions that start a new statement: «فيما»,
 * «بينما», «في حين», «لكن»), and a clause is a claim when it is
 *
 * - a prediction: a future verb («سينهي», «سوف», «لن يتأثر», «قد تشهد»), an
 *   expectation («من المتوقع»), or a horizon («خلال شهرين»), which gives
 *   `due` from the publication date when that is known;
 * - a promise: the speaker binds themselves («تعهد», «وعد», «نتعهد», «لن نسمح»,
 *   «سنعمل») — also every clause of a quote reported with «تعهد/وعد/التزم»;
 * - an accusation: «اتهم» as the reporting verb, or the clause charges
 *   someone («جريمة», «ارتكب», «تورط», «تقويض», «التلاعب»);
 * - a statistic: a number with what it counts («11 قتيلا», «15 مليار دولار»,
 *   «40%»), not a year or a date.
 *
 * When a clause is several kinds, a promise wins (it is a prediction the
 * speaker answers for), then the order above. Cue words are
 * data (data/events/claim-cues.tsv).
 */
import { readTsv } from '../../data-path.ts';
import type { Claim, Quote } from '../../record/types.ts';
import { dueDate, horizonOf } from '../../text/dates.ts';
import { foldKey } from '../../text/normalize.ts';
import { tokenIndexAt } from '../../text/tokenize.ts';
import type { Component } from '../pipeline.ts';
import { Reader } from '../quotes/reader.ts';
import type { Word } from '../words.ts';

type Kind = Claim['kind'];
const ORDER: readonly Kind[] = ['promise', 'prediction', 'accusation', 'statistic'];
/** The words a horizon starts with (src/text/dates.ts), in search form. */
const HORIZON_WORDS = new Set([
  'خلال',
  'غضون',
  'تتجاوز',
  'يتجاوز',
  'تتعدي',
  'يتعدي',
  'اقل',
  'مده',
  'بحلول',
  'قبل',
]);
/** Clauses shorter than this are fragments («قال: "نعم"»), not claims. */
const MIN_WORDS = 3;

interface ClaimCues {
  /** kind → cue keys (search form, no clitics) */
  readonly words: ReadonlyMap<string, ReadonlySet<string>>;
}
let cues: ClaimCues | null = null;
function claimCues(): ClaimCues {
  if (cues) return cues;
  const words = new Map<string, Set<string>>();
  for (const [kind, form] of readTsv('events/claim-cues.tsv')) {
    const set = words.get(kind!) ?? new Set<string>();
    set.add(foldKey(form!));
    words.set(kind!, set);
  }
  cues = { words };
  return cues;
}

export const claimsComponent: Component = {
  name: 'claims',
  version: '1',
  requires: ['tokens', 'segments', 'sentences', 'quotes'],
  provides: ['claims'],
  run(doc) {
    const r = Reader.of(doc);
    const out: Claim[] = [];
    for (const q of doc.quotes) {
      for (const [from, to] of clauses(r, q)) {
        const kind = classify(r, q, from, to);
        if (!kind) continue;
        const span = r.span(from, to, true);
        const claim: Claim = { kind, speaker: q.speaker, quote: q.id, ...span };
        if (kind === 'prediction') {
          const horizon = horizonOf(span.text);
          const due = horizon ? dueDate(horizon, doc.meta.published) : null;
          if (due) claim.due = due;
        }
        out.push(claim);
      }
    }
    doc.claims = out;
  },
};

/** Token ranges of the clauses of a quotation's content. */
function clauses(r: Reader, q: Quote): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  const close = (to: number) => {
    if (from >= 0 && countWords(r, from, to) >= MIN_WORDS) out.push(trim(r, from, to));
    from = -1;
  };
  for (let i = tokenIndexAt(r.tokens, q.content.start); i < r.length; i++) {
    const t = r.tokens[i]!;
    if (t.start >= q.content.end) break;
    if (isBreak(r, i)) {
      close(i);
      continue;
    }
    if (from >= 0 && startsStatement(r, i)) close(i);
    if (from < 0) from = i;
  }
  close(tokenAfter(r, q.content.end));
  return out;
}

/** The first token starting at or after `offset`. */
function tokenAfter(r: Reader, offset: number): number {
  const i = tokenIndexAt(r.tokens, offset);
  return i < r.length && r.tokens[i]!.start < offset ? i + 1 : i;
}

function countWords(r: Reader, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (r.tokens[i]!.kind !== 'punct' && r.tokens[i]!.kind !== 'quote') n++;
  return n;
}

/** Drops punctuation and quote marks at the edges. */
function trim(r: Reader, from: number, to: number): [number, number] {
  while (from < to && (r.tokens[from]!.kind === 'punct' || r.tokens[from]!.kind === 'quote')) from++;
  while (to > from && (r.tokens[to - 1]!.kind === 'punct' || r.tokens[to - 1]!.kind === 'quote')) to--;
  // «بلاده "ستفتح … أشهر"»: a mark opened inside the clause keeps its closing mark.
  const pair = r.pairAtClose.get(to);
  if (pair && pair.openTok >= from) to++;
  return [from, to];
}

function isBreak(r: Reader, i: number): boolean {
  const t = r.tokens[i]!.text;
  return (
    t === '.' ||
    t === '،' ||
    t === ',' ||
    t === '؛' ||
    t === ';' ||
    t === '!' ||
    t === '؟' ||
    t === '?' ||
    t === ':'
  );
}

/** «فيما», «بينما», «في حين», «لكن», «إلا أن»: a new statement starts. */
function startsStatement(r: Reader, i: number): boolean {
  const w = r.words[i];
  if (!w?.arabic) return false;
  if (claimCues().words.get('clause-start')?.has(w.fold)) return true;
  const next = r.words[i + 1];
  return (w.core === 'في' && next?.core === 'حين') || (w.core === 'الا' && next?.stem === 'ان');
}

function classify(r: Reader, q: Quote, from: number, to: number): Kind | null {
  const found = new Set<Kind>();
  const verb = q.verb ? foldKey(q.verb.lemma) : '';
  const lex = claimCues().words;
  if (lex.get('promise-verb')?.has(verb)) found.add('promise');
  if (lex.get('accusation-verb')?.has(verb)) found.add('accusation');
  if (lex.get('prediction-verb')?.has(verb)) found.add('prediction');
  let horizonCue = false;
  for (let i = from; i < to; i++) {
    const w = r.words[i]!;
    const t = r.tokens[i]!;
    if (t.kind === 'number') {
      if (isCount(r, i)) found.add('statistic');
      continue;
    }
    if (!w.arabic) continue;
    if (HORIZON_WORDS.has(w.core)) horizonCue = true;
    const kinds = cueKinds(w);
    const future = r.isFuture(i);
    if (future || kinds.has('prediction')) found.add('prediction');
    // «قد» before a present verb: a possibility.
    if (w.core === 'قد' && /^[يت]/.test(r.words[i + 1]?.core ?? '')) found.add('prediction');
    if (kinds.has('promise')) found.add('promise');
    // «سنعمل», «سنرد»: the speaker's own future.
    if (future && w.stem.startsWith('ن')) found.add('promise');
    if (kinds.has('accusation')) found.add('accusation');
    if (kinds.has('count-word') && isCountedNext(r, i)) found.add('statistic');
  }
  // A horizon («خلال شهرين») needs its cue word; fold the clause only when one is there.
  if (!found.has('prediction') && horizonCue && horizonOf(r.span(from, to).text)) found.add('prediction');
  return ORDER.find((k) => found.has(k)) ?? null;
}

const kindCache = new WeakMap<Word, ReadonlySet<string>>();
/** The claim-cue kinds a word is (as written, without «و/ف», or without clitics), cached per Word. */
function cueKinds(w: Word): ReadonlySet<string> {
  let kinds = kindCache.get(w);
  if (!kinds) {
    const found = new Set<string>();
    for (const [kind, forms] of claimCues().words)
      if (forms.has(w.fold) || forms.has(w.core) || forms.has(w.stem)) found.add(kind);
    kinds = found;
    kindCache.set(w, kinds);
  }
  return kinds;
}

/** A number that counts something: not a year («2016»), not part of a date. */
function isCount(r: Reader, i: number): boolean {
  const t = r.tokens[i]!;
  const n = Number(foldKey(t.text).replace(/[^\d.]/g, ''));
  const prev = r.words[i - 1];
  if (n >= 1900 && n <= 2100) return false;
  if (
    prev?.arabic &&
    (prev.core === 'عام' || prev.core === 'العام' || prev.stem === 'عام' || prev.core === 'منذ')
  )
    return false;
  const next = r.tokens[i + 1];
  if (next && (next.text === '/' || next.text === '-')) return false;
  return true;
}

function isCountedNext(r: Reader, i: number): boolean {
  const next = r.words[i + 1];
  return !!next?.arabic;
}
