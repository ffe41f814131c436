/**
 * Actor and target of an event, from the entities in the trigger's clause.
 *
 * Arabic news narrates verb first: «شنت طائرات التحالف غارات على الرقة» —
 * the actor follows a verb, the target follows «على», «ضد» or the verb's
 * object. When nothing names an actor after the verb, the nearest name before
 * it in the clause is the subject («التحالف شن …»). A nominal trigger takes
 * the name right after it as its actor («هجوم داعش») and the name after
 * «على/ضد» as its target.
 *
 * Codes: a linked actor gives its CAMEO-style code (data/actors/actors.tsv,
 * «IRQMIL»); a country, or a force named by a nisba adjective («الطائرات
 * العراقية», «الجيش السوري»), gives the country's code with the sector its
 * head noun says. Nothing is inferred beyond what the clause states.
 */
import { type Actor, actorTable } from '../../actors/actors.ts';
import { gazetteer } from '../../places/gazetteer.ts';
import type { Entity, Place } from '../../record/types.ts';
import { foldKey } from '../../text/normalize.ts';
import { SpanIndex } from '../../text/span-index.ts';
import { tokenIndexAt } from '../../text/tokenize.ts';
import type { Doc } from '../doc.ts';
import type { Reader } from '../quotes/reader.ts';
import { eventLexicon, keysOf, type TriggerHit } from './lexicon.ts';

export interface Argument {
  readonly text: string;
  readonly code?: string;
}

/** Tokens either side of the trigger searched for names. */
const ARGUMENT_WINDOW = 15;
/** Words after a verb trigger searched for its actor. */
const ACTOR_REACH = 5;
const TARGET_PREPOSITIONS = new Set(['علي', 'ضد', 'بحق', 'نحو', 'باتجاه'].map(foldKey));
/** Head nouns of forces and their CAMEO sector, for «الجيش السوري» → SYRMIL (keys in search form). */
const SECTOR_HEADS = new Map(
  (
    [
      ['جيش', 'MIL'],
      ['قوات', 'MIL'],
      ['القوات', 'MIL'],
      ['طائرات', 'MIL'],
      ['طائره', 'MIL'],
      ['طيران', 'MIL'],
      ['مقاتلات', 'MIL'],
      ['بحريه', 'MIL'],
      ['شرطه', 'COP'],
      ['امن', 'COP'],
      ['حكومه', 'GOV'],
      ['سلطات', 'GOV'],
      ['رئاسه', 'GOV'],
      ['خارجيه', 'GOV'],
      ['استخبارات', 'SPY'],
      ['مخابرات', 'SPY'],
      ['برلمان', 'LEG'],
    ] as const
  ).map(([head, sector]) => [foldKey(head), sector]),
);

interface Named {
  readonly entity: Entity;
  readonly from: number;
  readonly to: number;
}

/** Every mention of a named entity (not MISC), for lookup by clause. */
export function nameIndex(doc: Doc): SpanIndex<{ start: number; end: number; entity: Entity }> {
  return new SpanIndex(
    doc.entities
      .filter((e) => e.type !== 'MISC')
      .flatMap((e) => (e.mentions ?? [e]).map((m) => ({ start: m.start, end: m.end, entity: e }))),
  );
}

export function argumentsOf(
  doc: Doc,
  r: Reader,
  hit: TriggerHit & { clause: readonly [number, number] },
  names: ReturnType<typeof nameIndex>,
) {
  // The clause, but no further than a window around the trigger: a clause may run on for pages.
  const cFrom = Math.max(hit.clause[0], hit.start - ARGUMENT_WINDOW);
  const cTo = Math.min(hit.clause[1], hit.end + ARGUMENT_WINDOW);
  const named = namedIn(r, names, cFrom, cTo);
  let actor: Named | Phrase | undefined;
  let target: Named | Phrase | undefined;
  const after = named.filter((n) => n.from >= hit.end);
  const before = named.filter((n) => n.to <= hit.start);
  const introducedByTarget = (n: Named) => isTargetPrep(r, n.from);
  if (hit.cls === 'actor') {
    // «خرج آلاف المتظاهرين»: the crowd is the actor, with its count.
    const from = hit.start > cFrom && isCount(r, hit.start - 1) ? hit.start - 1 : hit.start;
    actor = { text: r.span(from, hit.end).text, from, to: hit.end };
  } else if (hit.cls !== 'noun') {
    const first = skipTime(r, hit.end, cTo);
    // «قتل 18 شخصا»: a count right after the verb is who suffered it (the verb is passive).
    if (first < cTo && isCount(r, first)) target = phraseAt(r, first, cTo);
    else
      actor =
        after.find(
          (n) => n.from - hit.end < ACTOR_REACH && !r.preposition(n.from) && !introducedByTarget(n),
        ) ??
        forcesAt(r, first) ??
        phraseAt(r, first, cTo) ??
        before[before.length - 1] ??
        subjectBefore(r, hit.start, cFrom);
  } else if (isCount(r, hit.end)) {
    // «مقتل 18 شخصا»: the count after the noun is who suffered it.
    target = phraseAt(r, hit.end, cTo);
  } else {
    // «هجوم داعش»; else the subject of the verb that carries the noun («شنت الطائرات غارات»).
    const verb = carryingVerb(r, hit.start, cFrom);
    actor =
      after.find((n) => n.from === hit.end && !r.preposition(n.from)) ??
      forcesAt(r, hit.end) ??
      (verb >= 0
        ? (named.find((n) => n.from > verb && n.to <= hit.start) ??
          forcesAt(r, verb + 1) ??
          phraseAt(r, verb + 1, hit.start))
        : undefined);
  }
  target ??=
    after.find((n) => n !== actor && introducedByTarget(n)) ?? phraseAfterTargetWord(r, hit.end, cTo);
  // The object right after a verb's subject («اغتال مسلحون مجهولون مدير المكتب»).
  if (!target && hit.cls !== 'noun' && actor && actor.from >= hit.end)
    target =
      phraseAt(r, skipTime(r, actor.to, cTo), cTo) ??
      after.find((n) => n.from >= actor!.to && n !== actor && !r.preposition(n.from));
  return {
    actor: actor ? argument(doc, actor) : undefined,
    target: target ? argument(doc, target) : undefined,
  };
}

/** A short noun phrase named by its words, when no entity is there («مسلحون مجهولون»). */
interface Phrase {
  readonly text: string;
  readonly code?: string;
  readonly from: number;
  readonly to: number;
}
/** Words of a noun phrase at most. */
const PHRASE_WORDS = 2;

/** The first token from i that is not a time word («أمس», «فجر الاثنين»). */
function skipTime(r: Reader, i: number, to: number): number {
  while (i < to && r.isArabic(i) && r.isTime(i)) i++;
  return i;
}

/** A count: digits, or a count word (data/events/cues.tsv: «عشرات», «ثلاثة»). */
function isCount(r: Reader, i: number): boolean {
  if (r.tokens[i]?.kind === 'number') return true;
  const w = r.words[i];
  const counts = eventLexicon().cues.get('count');
  return !!w?.arabic && !!counts && keysOf(w).some((k) => counts.has(k));
}

/**
 * The noun phrase starting at token i: up to two words (a noun and its
 * adjective or its genitive; longer runs swallow the next phrase), none a preposition,
 * a complementizer or a time word, stopping at punctuation or quotation
 * marks. Undefined when token i does not start one.
 */
function phraseAt(r: Reader, i: number, to: number): Phrase | undefined {
  let j = i;
  while (j < to && j - i < PHRASE_WORDS) {
    const t = r.tokens[j]!;
    if (t.kind === 'number' && j === i) {
      j++;
      continue;
    }
    if (t.kind !== 'arabic' || r.preposition(j) || r.isComplementizer(j) || r.isTime(j)) break;
    if (r.isFunction(j, 'relative') || r.isFunction(j, 'discourse')) break;
    j++;
  }
  if (j === i || (j === i + 1 && r.tokens[i]!.kind === 'number')) return undefined;
  return { text: r.span(i, j, true).text, from: i, to: j };
}

/** «على المدنيين», «ضد القوات»: the phrase after the first target preposition after i. */
function phraseAfterTargetWord(r: Reader, i: number, to: number): Phrase | undefined {
  for (let j = i; j < Math.min(to, i + ACTOR_REACH + 2); j++) {
    const w = r.words[j];
    if (w?.arabic && TARGET_PREPOSITIONS.has(w.core)) return phraseAt(r, j + 1, to);
  }
  return undefined;
}

/** The eventive verb before a noun that carries it («شنت الطائرات غارات»), or -1. */
function carryingVerb(r: Reader, noun: number, from: number): number {
  const anchors = eventLexicon().cues.get('anchor-verb');
  for (let i = noun - 1; i >= Math.max(from, noun - ACTOR_REACH - 1); i--) {
    const w = r.words[i];
    if (w?.arabic && !w.definite && keysOf(w).some((k) => anchors?.has(k))) return i;
  }
  return -1;
}

/** «مسلحون مجهولون اغتالوا …»: the phrase that opens the clause right before the verb. */
function subjectBefore(r: Reader, verb: number, from: number): Phrase | undefined {
  const p = phraseAt(r, from, verb);
  return p && p.to === verb ? p : undefined;
}

function isTargetPrep(r: Reader, i: number): boolean {
  const prev = r.words[i - 1];
  return !!prev?.arabic && TARGET_PREPOSITIONS.has(prev.core);
}

/** Entity mentions inside tokens [from, to), as token ranges. */
function namedIn(r: Reader, names: ReturnType<typeof nameIndex>, from: number, to: number): Named[] {
  if (from >= to) return [];
  const out: Named[] = [];
  for (const m of names.within(r.tokens[from]!.start, r.tokens[to - 1]!.end)) {
    const a = tokenIndexAt(r.tokens, m.start);
    out.push({ entity: m.entity, from: a, to: Math.max(a + 1, tokenIndexAt(r.tokens, m.end - 1) + 1) });
  }
  return out;
}

/** «الطائرات العراقية», «قوات النظام السوري»: a force head followed by a nisba adjective. */
function forcesAt(r: Reader, i: number): Phrase | undefined {
  const head = r.words[i];
  if (!head?.arabic || r.preposition(i)) return undefined;
  const sector = SECTOR_HEADS.get(head.stem) ?? SECTOR_HEADS.get(head.core);
  if (!sector) return undefined;
  const gaz = gazetteer();
  // The adjective may follow the head or a model name («طائرات f16 العراقية»), up to three words on.
  for (let j = i + 1; j <= Math.min(r.length - 1, i + 3); j++) {
    const w = r.words[j]!;
    if (!w.arabic && r.tokens[j]!.kind === 'punct') break;
    const country = w.arabic ? (gaz.demonymOfKey(w.nominal) ?? gaz.demonymOfKey(w.stem)) : null;
    if (country) {
      const code = countryCode(country);
      if (code) return { text: r.span(i, j + 1).text, code: `${code}${sector}`, from: i, to: j + 1 };
    }
  }
  return undefined;
}

function argument(doc: Doc, a: Named | Phrase): { text: string; code?: string } {
  if (!('entity' in a)) return a.code ? { text: a.text, code: a.code } : { text: a.text };
  const e = a.entity;
  const actor: Actor | undefined = e.canonical ? actorTable().match(e.canonical) : actorTable().match(e.text);
  if (actor?.code) return { text: e.text, code: actor.code };
  if (e.type === 'LOC') {
    const place = e.id ? placeOfEntity(doc).get(e.id) : undefined;
    const code = place?.kind === 'country' && place.country ? countryCode(place.country) : null;
    if (code) return { text: e.text, code };
  }
  return { text: e.text };
}

const placesByEntity = new WeakMap<Doc, Map<string, Place>>();
/** The place each LOC entity resolved to, by entity id (built once per document). */
function placeOfEntity(doc: Doc): Map<string, Place> {
  let m = placesByEntity.get(doc);
  if (!m) {
    m = new Map(doc.places.flatMap((p) => (p.entity ? [[p.entity, p] as const] : [])));
    placesByEntity.set(doc, m);
  }
  return m;
}

let byCountry: Map<string, string> | null = null;
/** ISO alpha-2 → the state's code in the actor table («IQ» → «IRQ»). */
function countryCode(iso2: string): string | null {
  if (!byCountry) {
    byCountry = new Map();
    for (const [, a] of actorTable().names())
      if (a.kind === 'state' && a.country && a.code) byCountry.set(a.country, a.code);
  }
  return byCountry.get(iso2) ?? null;
}
