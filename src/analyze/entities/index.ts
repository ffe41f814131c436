/**
 * The entities component: every named person, organisation, place and other
 * name, once per referent, linked to the actor table where it is one of its
 * names; and the people list completed with the persons who do not speak.
 *
 * Speakers found by the quotations component and the tagger's PER names are
 * matched by their words (a speaker «جاسم محمد جعفر البياتي» and a tagged
 * «البياتي» are one person), so a person is one entry in both lists. A
 * speaker the tagger missed still becomes a PER entity: the quotations
 * component read a name there.
 */
import { actorTable } from '../../actors/actors.ts';
import { withoutArticle } from '../../places/gazetteer.ts';
import type { Entity, Person } from '../../record/types.ts';
import { foldKey } from '../../text/normalize.ts';
import { tokenIndexAt } from '../../text/tokenize.ts';
import { lexicons } from '../lexicons.ts';
import type { Component } from '../pipeline.ts';
import { parsePhrase } from '../quotes/phrase.ts';
import { Reader } from '../quotes/reader.ts';
import { findMentions, type Mention } from './mentions.ts';
import { groupMentions, type Referent } from './referents.ts';

export const entitiesComponent: Component = {
  name: 'entities',
  version: '1',
  requires: ['tokens', 'segments', 'sentences', 'people'],
  provides: ['entities'],
  run(doc) {
    const actors = actorTable();
    const reader = Reader.of(doc);
    const referents = groupMentions(findMentions(reader), actors);
    const personOf = matchPeople(doc.people, referents);
    for (const p of doc.people) {
      if (p.group || personOf.has(p)) continue;
      const r = speakerReferent(p, referents);
      if (r) {
        referents.push(r);
        personOf.set(p, r);
      }
    }
    referents.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    const ids = new Map(referents.map((r, k) => [r, `e${k + 1}`]));

    // Persons who do not speak join the people list after the speakers.
    const personId = new Map<Referent, string>();
    for (const [p, r] of personOf) personId.set(r, p.id);
    for (const r of referents) {
      if (r.type !== 'PER' || personId.has(r)) continue;
      const id = `p${doc.people.length + 1}`;
      const described = titlesOf(reader, r);
      doc.people.push({
        id,
        name: r.best.text,
        titles: described.titles,
        affiliations: described.affiliations,
        group: false,
        mentions: r.mentions.map(({ text, start, end }) => ({ text, start, end })),
        ...(r.actor?.wikidata ? { wikidata: r.actor.wikidata } : {}),
      });
      personId.set(r, id);
    }
    for (const [p, r] of personOf) if (r.actor?.wikidata) p.wikidata = r.actor.wikidata;

    doc.entities = referents.map(
      (r): Entity => ({
        id: ids.get(r)!,
        type: r.type,
        text: r.best.text,
        start: r.best.start,
        end: r.best.end,
        mentions: r.mentions.map(({ text, start, end }) => ({ text, start, end })),
        ...(personId.has(r) ? { person: personId.get(r)! } : {}),
        ...(r.actor ? { canonical: r.actor.canonical } : {}),
        ...(r.actor?.wikidata ? { wikidata: r.actor.wikidata } : {}),
      }),
    );
  },
};

/**
 * Each speaking person's PER referent. A referent with a mention inside one
 * of the person's name spans is theirs — all such referents, merged, when
 * the tagger cut one name in two («جاسم محمد» + «جعفر البياتي»); failing
 * that, the referent sharing the most words with the name. A referent
 * serves one person.
 */
function matchPeople(people: readonly Person[], referents: Referent[]): Map<Person, Referent> {
  const out = new Map<Person, Referent>();
  const taken = new Set<Referent>();
  for (const p of people) {
    if (p.group) continue;
    const spans = nameMentions(p);
    const inside = referents.filter(
      (r) =>
        r.type === 'PER' &&
        !taken.has(r) &&
        r.mentions.some((m) => spans.some((s) => s.start <= m.start && m.end <= s.end)),
    );
    const best = inside[0] ?? byWords(p, spans, referents, taken);
    if (!best) continue;
    for (const other of inside.slice(1)) {
      best.mentions.push(...other.mentions);
      referents.splice(referents.indexOf(other), 1);
    }
    // The person's own spans are mentions of the referent too; the fullest becomes its text.
    for (const m of spans) {
      // «رئيس جماعة الدفاع المدني … رائد الصالح»: a span led by a title is not a name to show.
      if (!isName(m.text)) continue;
      if (best.mentions.some((x) => x.start === m.start && x.end === m.end)) continue;
      best.mentions = best.mentions.filter((x) => !(m.start <= x.start && x.end <= m.end));
      const key = foldKey(m.text);
      best.mentions.push({
        type: 'PER',
        start: m.start,
        end: m.end,
        text: m.text,
        key,
        words: key.split(' '),
      });
    }
    best.mentions.sort((a, b) => a.start - b.start);
    best.best = best.mentions.reduce((x, y) => (y.words.length > x.words.length ? y : x));
    taken.add(best);
    out.set(p, best);
  }
  return out;
}

function byWords(
  p: Person,
  spans: Person['mentions'],
  referents: readonly Referent[],
  taken: Set<Referent>,
): Referent | undefined {
  const names = [p.name, ...spans.map((m) => m.text)].map(nameWords).filter((w) => w.length);
  let best: Referent | undefined;
  let bestScore = 0;
  for (const r of referents) {
    if (r.type !== 'PER' || taken.has(r)) continue;
    for (const m of r.mentions) {
      const words = m.words.map(withoutArticle);
      for (const n of names) {
        const [short, long] = words.length <= n.length ? [words, n] : [n, words];
        if (short.every((w) => long.includes(w)) && short.length > bestScore) {
          best = r;
          bestScore = short.length;
        }
      }
    }
  }
  return best;
}

/**
 * A PER referent for a speaker the tagger did not tag: their name's
 * mentions. None when the speaker is named by a title alone («المتحدث»,
 * «المسؤول الأمريكي»), or when the name is another entity's («قالت موسكو»:
 * a place speaking for its government).
 */
function speakerReferent(p: Person, referents: readonly Referent[]): Referent | null {
  const spans = nameMentions(p);
  const overlapsOther = referents.some((r) =>
    r.mentions.some((m) => spans.some((s) => s.start < m.end && m.start < s.end)),
  );
  if (overlapsOther || !spans.length || !isName(p.name)) return null;
  const mentions: Mention[] = spans.map((m) => {
    const key = foldKey(m.text);
    return { type: 'PER', start: m.start, end: m.end, text: m.text, key, words: key.split(' ') };
  });
  const best = mentions.reduce((a, b) => (b.words.length > a.words.length ? b : a));
  return { type: 'PER', mentions, best };
}

/** A name, not a description: its first word is no title or head noun («المسؤول», «مصدر»). */
function isName(name: string): boolean {
  const first = nameWords(name)[0];
  if (!first) return false;
  const lex = lexicons();
  return !(lex.personTitles.has(first) || lex.groupHeads.has(first) || lex.orgHeads.has(first));
}

/** How far before a name its title may start («وزير الخارجية الروسي سيرغي لافروف»), in words. */
const TITLE_REACH = 8;

/**
 * The titles and affiliations written before a person's mentions, read by
 * the quotation component's phrase parser: from a title word up to eight
 * words before the name, the phrase must end with the name.
 */
function titlesOf(r: Reader, person: Referent): { titles: string[]; affiliations: string[] } {
  const titles: string[] = [];
  const affiliations: string[] = [];
  for (const m of person.mentions) {
    const first = tokenIndexAt(r.tokens, m.start);
    const last = tokenIndexAt(r.tokens, m.end - 1) + 1;
    for (let t = Math.max(r.sentenceStart(first), first - TITLE_REACH); t < first; t++) {
      if (r.headClass(t) !== 'title') continue;
      const p = parsePhrase(r, t, last);
      if (p?.kind !== 'person' || p.end !== last || !p.name || p.name.start > first) continue;
      for (const x of p.titles) titles.push(r.span(x.start, x.end, true).text);
      for (const x of p.affiliations) affiliations.push(r.span(x.start, x.end, true).text);
      break;
    }
  }
  return { titles: [...new Set(titles)], affiliations: [...new Set(affiliations)] };
}

/** The person's mentions that are (part of) their name, not a bare title («الوزير») referring back. */
function nameMentions(p: Person): Person['mentions'] {
  const name = new Set(nameWords(p.name));
  return p.mentions.filter((m) => {
    const words = nameWords(m.text);
    return words.length > 0 && words.every((w) => name.has(w));
  });
}

function nameWords(s: string): string[] {
  return foldKey(s).split(' ').filter(Boolean).map(withoutArticle);
}
