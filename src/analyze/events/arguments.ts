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
import type { Entity } from '../../record/types.ts';
import { foldKey } from '../../text/normalize.ts';
import { SpanIndex } from '../../text/span-index.ts';
import { tokenIndexAt } from '../../text/tokenize.ts';
import type { Doc } from '../doc.ts';
import type { Reader } from '../quotes/reader.ts';
import type { TriggerHit } from './lexicon.ts';

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
  let actor: Named | Forces | undefined;
  let target: Named | Forces | undefined;
  const after = named.filter((n) => n.from >= hit.end);
  const before = named.filter((n) => n.to <= hit.start);
  const verbal = hit.cls !== 'noun';
  const introducedByTarget = (n: Named) => isTargetPrep(r, n.from);
  if (verbal) {
    actor =
      after.find((n) => n.from - hit.end < ACTOR_REACH && !r.preposition(n.from) && !introducedByTarget(n)) ??
      forcesAt(r, hit.end) ??
      before[before.length - 1];
  } else {
    actor = after.find((n) => n.from === hit.end && !r.preposition(n.from)) ?? forcesAt(r, hit.end);
  }
  target = after.find((n) => n !== actor && introducedByTarget(n));
  if (!target && verbal && actor && 'from' in actor && actor.from >= hit.end)
    target = after.find((n) => n.from > actor!.from && n !== actor && !r.preposition(n.from));
  return {
    actor: actor ? argument(doc, actor) : undefined,
    target: target ? argument(doc, target) : undefined,
  };
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
interface Forces {
  readonly text: string;
  readonly code: string;
}
function forcesAt(r: Reader, i: number): Forces | undefined {
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
      if (code) return { text: r.span(i, j + 1).text, code: `${code}${sector}` };
    }
  }
  return undefined;
}

function argument(doc: Doc, a: Named | Forces): { text: string; code?: string } {
  if (!('entity' in a)) return { text: a.text, code: a.code };
  const e = a.entity;
  const actor: Actor | undefined = e.canonical ? actorTable().match(e.canonical) : actorTable().match(e.text);
  if (actor?.code) return { text: e.text, code: actor.code };
  if (e.type === 'LOC') {
    const place = doc.places.find((p) => p.entity === e.id);
    const code = place?.kind === 'country' && place.country ? countryCode(place.country) : null;
    if (code) return { text: e.text, code };
  }
  return { text: e.text };
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
