/**
 * From mentions to referents: one entry per thing the article names.
 *
 * Mentions with the same search form are one referent. A shorter person's
 * name whose words all occur in exactly one longer one is that person
 * («العبادي» → «حيدر العبادي»); for organisations and places the shorter
 * form must have two words or more («الحشد الشعبي» → «قوات الحشد الشعبي»),
 * since one word («الجيش») is too often a different body. Names of the same
 * actor in the actor table are one referent («داعش», «تنظيم الدولة
 * الإسلامية»). A referent's type is its mentions' majority; its text is its
 * fullest form.
 */
import type { Actor, ActorTable } from '../../actors/actors.ts';
import type { EntityType } from '../../ner/tags.ts';
import { withoutArticle } from '../../places/gazetteer.ts';
import type { Mention } from './mentions.ts';

export interface Referent {
  type: EntityType;
  mentions: Mention[];
  /** The fullest mention: most words, then longest, then first. */
  best: Mention;
  actor?: Actor;
}

export function groupMentions(mentions: readonly Mention[], actors: ActorTable): Referent[] {
  // 1. Same search form (the article aside): one referent.
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const k = m.words.map(withoutArticle).join(' ');
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  let groups: Referent[] = [...byKey.values()].map((ms) => ({
    type: majorityType(ms),
    mentions: ms,
    best: fullest(ms),
    actor: linkActor(ms, actors),
  }));

  // 2. Same actor: one referent.
  const byActor = new Map<string, Referent>();
  groups = groups.filter((g) => {
    if (!g.actor) return true;
    const first = byActor.get(g.actor.id);
    if (!first) {
      byActor.set(g.actor.id, g);
      return true;
    }
    absorb(first, g);
    return false;
  });

  // 3. A shorter name inside exactly one longer name of the same type: the same referent.
  groups.sort((a, b) => b.best.words.length - a.best.words.length || a.best.start - b.best.start);
  const kept: Referent[] = [];
  // Kept referents by each word of their name: a host must hold the shorter name's first word.
  const byWord = new Map<string, Referent[]>();
  for (const g of groups) {
    const words = g.best.words.map(withoutArticle);
    const minWords = g.type === 'PER' ? 1 : 2;
    const hosts =
      words.length >= minWords
        ? (byWord.get(words[0]!) ?? []).filter(
            (h) =>
              h.type === g.type &&
              h.best.words.length > words.length &&
              (!g.actor || !h.actor || g.actor === h.actor) &&
              contains(h.best.words.map(withoutArticle), words),
          )
        : [];
    if (hosts.length === 1) {
      absorb(hosts[0]!, g);
      continue;
    }
    kept.push(g);
    for (const w of new Set(words)) {
      const list = byWord.get(w);
      if (list) list.push(g);
      else byWord.set(w, [g]);
    }
  }
  return kept.sort((a, b) => firstStart(a) - firstStart(b));
}

function absorb(into: Referent, from: Referent): void {
  into.mentions.push(...from.mentions);
  into.mentions.sort((a, b) => a.start - b.start);
  into.best = fullest(into.mentions.filter((m) => m.type === into.type).concat(into.best));
  into.actor ??= from.actor;
}

const firstStart = (r: Referent) => r.mentions[0]!.start;

/** Every word of `part` occurs, in order, among `whole`'s. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  let j = 0;
  for (const w of whole) if (w === part[j]) j++;
  return j === part.length;
}

function majorityType(ms: readonly Mention[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const m of ms) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  let best = ms[0]!.type;
  for (const [t, c] of counts) if (c > counts.get(best)!) best = t;
  return best;
}

/** Written without a fused preposition; most words; the form written most often («سوريا» over one «سورية»); the longest. */
function fullest(ms: readonly Mention[]): Mention {
  const count = new Map<string, number>();
  for (const m of ms) count.set(m.key, (count.get(m.key) ?? 0) + 1);
  let best = ms[0]!;
  for (const m of ms) {
    const d =
      Number(!m.fused) - Number(!best.fused) ||
      m.words.length - best.words.length ||
      count.get(m.key)! - count.get(best.key)! ||
      m.text.length - best.text.length;
    if (d > 0) best = m;
  }
  return best;
}

function linkActor(ms: readonly Mention[], actors: ActorTable): Actor | undefined {
  for (const m of ms) {
    const a = actors.match(m.key);
    if (a) return a;
  }
  return undefined;
}
