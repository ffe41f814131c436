/**
 * Which trigger words report an event, and with what status.
 *
 * A verb («قصفت», «اغتيل») or a specific phrase («سيارة مفخخة») reports an
 * event by itself. A verbal noun («هجوم», «اتفاق», «تظاهرة») also names events
 * in general («مكافحة الهجمات», «ظاهرة الخطف»), so it reports one only when
 * something in its clause ties it to a particular occurrence: an eventive
 * verb next to it («شن هجوما», «وقع الانفجار»), a relative clause that says it
 * was carried out, casualties it caused («مقتل … في هجوم»), a count («ثلاث
 * غارات»), a crowd for protests («آلاف المتظاهرين»).
 *
 * Status is read from the words before the trigger in its clause, nearest
 * kinds first: a negation denies it («لم», «نفى»), a hedge makes it claimed
 * («المزعوم», «يشتبه»), an intention plans it («تعتزم», «تتجه إلى»), a
 * future marker predicts it («سوف», «سـ», «من المتوقع», «قد» before a
 * present verb, «المقبلة» after it; a future meeting is planned),
 * continuation or a present verb that opens its clause makes it ongoing
 * («لا تزال», «وتحاصر القوات»); otherwise it happened.
 */
import type { EventRecord } from '../../record/types.ts';
import { SpanIndex } from '../../text/span-index.ts';
import type { Reader } from '../quotes/reader.ts';
import { type EventLexicon, eventLexicon, keysOf, type TriggerHit } from './lexicon.ts';

/** Words on either side of a nominal trigger searched for an anchor. */
const ANCHOR_REACH = 8;
/** Words between an eventive verb and the noun it anchors: verb, subject, object before; «وقع الهجوم» after. */
const VERB_REACH_BEFORE = 6;
const VERB_REACH_AFTER = 3;
/** Words between a noun and the relative clause that tells of it («الهجوم في دوما الذي قتل فيه»). */
const RELATIVE_REACH = 4;
/** Words before a trigger searched for a status cue. */
const STATUS_REACH = 5;
/** Words after a trigger searched for a future time («المقبلة»). */
const AFTER_REACH = 6;

export interface ReportedEvent extends TriggerHit {
  readonly status: EventRecord['status'];
  /** Token range [start, end) of the clause that holds the trigger. */
  readonly clause: readonly [number, number];
  /** What made it a report: its class (verb, form, term) or what anchored it (anchor-verb, casualty …). */
  readonly anchor: string;
}

/** Per-Doc keys of each token, computed once. */
class Keys {
  private readonly cache: (readonly string[] | undefined)[];
  constructor(private readonly r: Reader) {
    this.cache = new Array(r.length);
  }
  at = (i: number): readonly string[] => {
    let k = this.cache[i];
    if (!k) {
      const w = this.r.words[i];
      k = w?.arabic ? keysOf(w) : [];
      this.cache[i] = k;
    }
    return k;
  };
}

export function reportedEvents(r: Reader): ReportedEvent[] {
  const lex = eventLexicon();
  const keys = new Keys(r);
  // A trigger inside a person's or a place's name is part of the name («أبو طالب»), not an event.
  // (Names of bodies and events may hold one for real: «لجنة تحقيق», «هجوم الأحواز».)
  const names = new SpanIndex(
    r.doc.entities.filter((e) => e.type === 'PER' || e.type === 'LOC').flatMap((e) => e.mentions ?? [e]),
  );
  const hits = lex.triggers
    .find(r.words, r.sentenceOf, keys.at)
    .filter((h) => !names.containing(r.tokens[h.start]!.start));
  const out: ReportedEvent[] = [];
  // Asked once per sentence, not once per trigger: a long sentence may hold many.
  const notViolence = new Map<number, boolean>();
  const clauses = new Clauses(r);
  for (const hit of hits) {
    const sentence = r.sentenceOf[hit.start]!;
    const [sFrom, sTo] = sentence >= 0 ? r.sentenceRanges[sentence]! : [0, r.length];
    if (isQuestion(r, sTo)) continue;
    if (hit.type === 'ASSAULT') {
      let no = notViolence.get(sentence);
      if (no === undefined) {
        no = hasPhrase(keys, lex, 'not-event', sFrom, sTo);
        notViolence.set(sentence, no);
      }
      if (no) continue;
    }
    let anchor: string | null = hit.cls;
    const scope: Scope = { r, keys, lex, sFrom, sTo };
    if (hit.cls === 'actor') anchor = acting(scope, hit) ? 'crowd-act' : null;
    else if (needsAnchor(r, hit)) anchor = anchored(scope, hit);
    if (!anchor) continue;
    // «الذي اختطف», «بعد أن خطف»: a verb in a relative or time clause is background to the sentence's event.
    if (hit.cls !== 'noun' && hit.cls !== 'actor' && background(r, keys, lex, hit)) continue;
    const clause = clauses.of(hit);
    out.push({ ...hit, clause, anchor, status: statusOf(r, keys, lex, hit, clause) });
  }
  return out;
}

function isQuestion(r: Reader, sentenceEnd: number): boolean {
  for (let i = sentenceEnd - 1; i >= Math.max(0, sentenceEnd - 3); i--) {
    const t = r.tokens[i]!;
    if (t.text === '؟' || t.text === '?') return true;
    if (t.kind !== 'punct' && t.kind !== 'quote') return false;
  }
  return false;
}

function has(lex: EventLexicon, kind: string, ks: readonly string[]): boolean {
  const set = lex.cues.get(kind);
  const present = lex.cues.get(`${kind}-present`);
  return ks.some((k) => set?.has(k) || present?.has(k));
}
function hasPresent(lex: EventLexicon, kind: string, ks: readonly string[]): boolean {
  const present = lex.cues.get(`${kind}-present`);
  return !!present && ks.some((k) => present.has(k));
}

function hasPhrase(keys: Keys, lex: EventLexicon, kind: string, from: number, to: number): boolean {
  const single = lex.cues.get(kind);
  const phrases = lex.phrases.get(kind) ?? [];
  for (let i = from; i < to; i++) {
    const k = keys.at(i);
    if (single && k.some((x) => single.has(x))) return true;
    for (const p of phrases) if (p.every((w, j) => i + j < to && keys.at(i + j).includes(w))) return true;
  }
  return false;
}

/**
 * Nouns need an anchor; so do verb forms that act as nouns («بقتل», «الفجر»:
 * with the article or a preposition) and present-tense verbs, which news uses
 * for habits and possibilities as much as for events («التي تستهدف», «أن ينفجر»).
 */
function needsAnchor(r: Reader, hit: TriggerHit): boolean {
  if (hit.cls === 'noun' || hit.cls === 'actor') return true;
  if (hit.cls === 'term') return false;
  const w = r.words[hit.start]!;
  if (w.definite || w.prep !== null) return true;
  // A present verb narrates what is going on when it opens its clause («وتحاصر القوات المنطقة
  // منذ سنوات») or follows «أنها» («أنها تحقق في الأمر»); elsewhere it is as often a habit or a
  // possibility («التي تستهدف المدنيين», «أن ينفجر الوضع») and needs an anchor like a noun.
  if (!hit.present) return false;
  // «سيقصف»: a future verb is a prediction, said as such.
  if (r.isFuture(hit.start)) return false;
  const prev = hit.start - 1;
  if (isSubjunctive(r, prev)) return true;
  const opensClause = prev < 0 || r.sentenceOf[prev] !== r.sentenceOf[hit.start] || isClauseBreak(r, prev);
  const afterPronounAn = r.isComplementizer(prev) && r.words[prev]!.pronoun;
  // «لم تقصف»: the jussive after a negation denies a past event.
  const afterNegation = ['لم', 'لن'].includes(r.words[prev]?.core ?? '');
  return !(opensClause || afterPronounAn || afterNegation);
}

function isSubjunctive(r: Reader, i: number): boolean {
  const w = r.words[i];
  return !!w?.arabic && !w.pronoun && (w.core === 'ان' || w.core === 'لكي' || w.core === 'كي');
}

function background(r: Reader, keys: Keys, lex: EventLexicon, hit: TriggerHit): boolean {
  const prev = hit.start - 1;
  // A relative clause («الذي اختطف») recalls violence told elsewhere; other events it states
  // («الاتهامات التي نفتها موسكو») are news in their own right.
  const violence = hit.type === 'ASSAULT' || hit.type === 'PROTEST';
  if (has(lex, 'subordinate', keys.at(prev)) && (violence || !has(lex, 'relative', keys.at(prev))))
    return true;
  // «بعد أن خطف»: the subordinator before «أن».
  return r.isComplementizer(prev) && has(lex, 'subordinate', keys.at(prev - 1));
}

/** What the anchoring tests read: the document, its keys, the lexicon, the trigger's sentence [sFrom, sTo). */
interface Scope {
  readonly r: Reader;
  readonly keys: Keys;
  readonly lex: EventLexicon;
  readonly sFrom: number;
  readonly sTo: number;
}

/** Words between a crowd and what it does («خرج آلاف المتظاهرين», «المتظاهرون الغاضبون قطعوا»). */
const ACT_REACH = 3;
/** «المتظاهرون» report a protest as the subject of a crowd's act, verb first or after them. */
function acting({ r, keys, lex, sFrom, sTo }: Scope, hit: TriggerHit): boolean {
  for (let i = Math.max(sFrom, hit.start - ACT_REACH); i < Math.min(sTo, hit.end + ACT_REACH); i++) {
    if (i >= hit.start && i < hit.end) continue;
    const w = r.words[i]!;
    if (w.arabic && !w.definite && w.prep === null && has(lex, 'crowd-act', keys.at(i))) return true;
  }
  return false;
}

/** A nominal trigger reports an event when its clause ties it to one occurrence. */
function anchored({ r, keys, lex, sFrom, sTo }: Scope, hit: TriggerHit): string | null {
  // «مكافحة التفجيرات», «محاولة اغتيال», «أعمال الشغب»: events in general, or none.
  for (let i = hit.start - 1; i >= Math.max(sFrom, hit.start - 2); i--) {
    if (has(lex, 'generic', keys.at(i))) return null;
    if (!isLinkWord(r, i)) break;
  }
  const first = r.words[hit.start]!;
  // «مقتل خمسة في هجوم», «أصيب … بانفجار», «جراء قصف»: the noun is the cause of the casualties.
  const cause = first.prep === 'ب' || has(lex, 'cause', keys.at(hit.start - 1));
  // «للتعذيب», «بعد اغتيال»: a noun governed by a preposition or a time word is background,
  // unless it is the cause of casualties the clause reports.
  const governed = first.prep !== null || has(lex, 'subordinate', keys.at(hit.start - 1));
  // «الضربة الجوية التي وجهتها الطائرات»: a relative clause that says it was carried out.
  for (let i = hit.end; i < Math.min(sTo, hit.end + RELATIVE_REACH); i++) {
    if (!has(lex, 'relative', keys.at(i))) continue;
    const verb = keys.at(i + 1);
    if (has(lex, 'anchor-verb', verb) || (hit.type === 'ASSAULT' && has(lex, 'relative-verb', verb)))
      return 'relative';
  }
  // «التحقيقات مستمرة», «تواصل القصف»: going on, so happening.
  for (let i = Math.max(sFrom, hit.start - 2); i < Math.min(sTo, hit.end + 2); i++)
    if ((i < hit.start || i >= hit.end) && has(lex, 'continuing', keys.at(i))) return 'continuing';
  // «قام الأمير بزيارة», «تعرضت لهجوم»: a light verb carries the noun as its event.
  if (first.prep === 'ب' || first.prep === 'ل' || has(lex, 'cause', keys.at(hit.start - 1)))
    for (let i = Math.max(sFrom, hit.start - VERB_REACH_BEFORE); i < hit.start; i++)
      if (has(lex, 'light-verb', keys.at(i))) return 'light-verb';
  const from = Math.max(sFrom, hit.start - ANCHOR_REACH);
  const to = Math.min(sTo, hit.end + ANCHOR_REACH);
  for (let i = from; i < to; i++) {
    if (i >= hit.start && i < hit.end) continue;
    const k = keys.at(i);
    if (hit.type === 'ASSAULT' && cause && has(lex, 'casualty', k)) return 'casualty';
    if (governed) continue;
    if (has(lex, 'anchor', k)) return 'anchor';
    // An eventive verb anchors a noun next to it («وقع الهجوم», «شن … هجوما»), not one a clause away.
    // Words, not commas: «شنت الولايات المتحدة، وبريطانيا، وفرنسا غارات».
    const near =
      i < hit.start ? wordsBetween(r, i, hit.start) < VERB_REACH_BEFORE : i - hit.end < VERB_REACH_AFTER;
    // A count: «ثلاث غارات» before the noun, or «قتل 18 شخصا» after it (casualties, for violence:
    // «140 هجوما» in a year is a statistic, not an event).
    if (near && r.tokens[i]!.kind === 'number' && (hit.type !== 'ASSAULT' || i >= hit.end)) return 'number';
    if (near && (has(lex, 'anchor-verb', k) || has(lex, 'anchor-noun', k))) return 'anchor-verb';
    const other = hit.type !== 'ASSAULT' && hit.type !== 'PROTEST';
    if (near && other && (has(lex, 'anchor-other', k) || has(lex, 'anchor-word', k))) return 'anchor-verb';
    if (hit.type === 'PROTEST' && has(lex, 'crowd', k)) return 'crowd';
  }
  // A count written as a word or the dual right before or after («ثلاث غارات», «هجومان»).
  return !governed && (has(lex, 'count', keys.at(hit.start - 1)) || has(lex, 'count', keys.at(hit.end)))
    ? 'count'
    : null;
}

/** Word tokens strictly between i and j (i < j). */
function wordsBetween(r: Reader, i: number, j: number): number {
  let n = 0;
  for (let k = i + 1; k < j; k++) if (r.tokens[k]!.kind !== 'punct') n++;
  return n;
}

/** Small words a generic cue may reach across: «على», «من», «في» … */
function isLinkWord(r: Reader, i: number): boolean {
  const w = r.words[i];
  return !!w?.arabic && w.core.length <= 2;
}

/**
 * Clause bounds of every token, found in two passes (a trigger per clause
 * word would otherwise walk a long clause again and again): the trigger's
 * sentence cut at commas, semicolons, colons and brackets.
 */
class Clauses {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  constructor(r: Reader) {
    const n = r.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    for (let i = 0, start = 0; i < n; i++) {
      if (i > 0 && (r.sentenceOf[i] !== r.sentenceOf[i - 1] || isClauseBreak(r, i - 1))) start = i;
      this.starts[i] = start;
    }
    for (let i = n - 1, end = n; i >= 0; i--) {
      if (i < n - 1 && (r.sentenceOf[i] !== r.sentenceOf[i + 1] || isClauseBreak(r, i + 1))) end = i + 1;
      this.ends[i] = end;
    }
  }
  of(hit: TriggerHit): [number, number] {
    return [this.starts[hit.start]!, this.ends[hit.end - 1]!];
  }
}

function isClauseBreak(r: Reader, i: number): boolean {
  const t = r.tokens[i]!.text;
  return t === '،' || t === ',' || t === '؛' || t === ';' || t === ':' || t === '.' || t === '(' || t === ')';
}

function statusOf(
  r: Reader,
  keys: Keys,
  lex: EventLexicon,
  hit: TriggerHit,
  clause: readonly [number, number],
): EventRecord['status'] {
  const from = Math.max(clause[0], hit.start - STATUS_REACH);
  const before = (kind: string, reach = STATUS_REACH) => {
    for (let i = Math.max(from, hit.start - reach); i < hit.start; i++)
      if (has(lex, kind, keys.at(i))) return true;
    return false;
  };
  const after = (kind: string) => {
    for (let i = hit.end; i < Math.min(clause[1], hit.end + AFTER_REACH); i++)
      if (has(lex, kind, keys.at(i))) return true;
    return false;
  };
  // «سيقصف», «ستشن هجوما»: the future prefix on the trigger or on a verb just before it.
  const future = () => {
    for (let i = Math.max(from, hit.start - 2); i <= hit.start; i++) if (r.isFuture(i)) return true;
    return false;
  };
  // «قد» before a present verb predicts («قد تشهد»); before a past verb it affirms («قد قتل»).
  const modal = () => {
    for (let i = from; i < hit.start; i++) {
      if (!has(lex, 'modal', keys.at(i))) continue;
      const next = r.words[i + 1];
      if (next?.arabic && /^[يتن]/.test(next.core) && i + 1 <= hit.start) return true;
    }
    return false;
  };
  if (before('negation', 3)) return 'denied';
  if (before('hedge')) return 'claimed';
  if (before('intention')) return 'planned';
  // A meeting or talks in the future are scheduled: planned, not predicted («سيبحثان», «المقبل»).
  if (before('prediction') || future() || modal() || after('future-after'))
    return hit.type === 'CONSULT' ? 'planned' : 'predicted';
  // «وتشن القوات منذ شهر هجوما»: a noun carried by a present verb is going on.
  const carriedByPresent = () => {
    for (let i = Math.max(clause[0], hit.start - VERB_REACH_BEFORE); i < hit.start; i++)
      if (hasPresent(lex, 'anchor-verb', keys.at(i)) && !isSubjunctive(r, i - 1)) return true;
    return false;
  };
  const continuingAfter = () => {
    for (let i = hit.end; i < Math.min(clause[1], hit.end + 2); i++)
      if (has(lex, 'continuing', keys.at(i))) return true;
    return false;
  };
  if (before('continuing') || continuingAfter() || hit.present || (hit.cls === 'noun' && carriedByPresent()))
    return 'ongoing';
  return 'happened';
}
