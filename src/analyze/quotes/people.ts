/**
 * The people (and speaking institutions and groups) of one article, built
 * as quotations are found: every speaker phrase either names someone new or
 * refers back to someone already met — by the same name, by a surname
 * («البياتي» → «جاسم محمد جعفر البياتي»), by a bare title («الوزير»), or by an
 * institution's head noun («الوزارة»). A missing subject («وأضاف») refers to
 * the latest speaker whose gender and number agree with the verb.
 */
import type { Person, TextSpan } from '../../record/types.ts';
import type { Gender, GrammaticalNumber } from '../lexicons.ts';
import { type Phrase, type PhraseKind, parsePhrase, type Range } from './phrase.ts';
import type { Reader } from './reader.ts';

export interface Entry {
  readonly id: string;
  name: string;
  /** Folded name tokens, for surname and prefix matching. */
  nameTokens: string[];
  kind: PhraseKind | 'unnamed';
  titles: string[];
  /** Folded head words of the titles («وزير», «متحدث»), for «الوزير» back-references. */
  titleHeads: Set<string>;
  affiliations: string[];
  gender: Gender | null;
  number: GrammaticalNumber;
  mentions: TextSpan[];
  /** Token index of the latest mention or quote: recency for anaphora. */
  lastSeen: number;
  /** Whether a quotation has been given to this entry: «وأضاف» goes to a speaker before a mere subject. */
  spoke: boolean;
  /** Whether it was only cited as a source («بحسب X»): a weaker antecedent than a speaker. */
  cited: boolean;
  unnamed: boolean;
}

export const UNSPECIFIED_SOURCE = 'مصادر غير محددة';

export class People {
  readonly entries: Entry[] = [];

  constructor(private readonly r: Reader) {}

  private folded(range: Range): string[] {
    const out: string[] = [];
    for (let i = range.start; i < range.end; i++) {
      const w = this.r.words[i]!;
      out.push(i === range.start ? w.core : w.fold);
    }
    return out;
  }

  private text(range: Range): TextSpan {
    return this.r.span(range.start, range.end, true);
  }

  /**
   * A name as people write it: «للمرصد السوري» (a source after «وفقا») is
   * «المرصد السوري», «بجيش الإسلام» is «جيش الإسلام». The mention keeps the
   * text as written; the name is the form a reader would look it up by.
   */
  private nameOf(mention: TextSpan, firstToken: number): string {
    const parts = this.r.doc.segments[firstToken];
    const tok = this.r.tokens[firstToken]!;
    const prep = parts?.find((x) => x.role === 'prep');
    if (!parts || !prep || tok.start + prep.end > mention.end) return mention.text;
    const det = parts.find((x) => x.role === 'det');
    const rest = this.r.text.slice(tok.start + prep.end, mention.end);
    // «للـ» writes the article as one lam: spell it out again.
    return det && det.end - det.start === 1 ? `ا${rest}` : rest;
  }

  /** The entry a speaker phrase names or refers back to, created when new. */
  resolve(p: Phrase, at: number): Entry {
    const mention = this.text(p.name ?? p);
    let entry: Entry | undefined;
    if (p.kind === 'document') {
      // «البيان الصادر عن السكرتير الصحفي للبيت الأبيض»: the issuer is named.
      for (let k = p.start + 1; k < p.end - 1; k++) {
        if (/^(الصادر|الصادره)$/.test(this.r.words[k]!.core) && this.r.words[k + 1]!.core === 'عن') {
          const issuer = parsePhrase(this.r, k + 2, p.end);
          if (issuer && issuer.kind !== 'document') return this.resolve(issuer, at);
        }
      }
      // «وأضاف البيان»: the statement speaks for whoever issued it — the latest speaker that can issue one.
      entry =
        this.latest(
          (e) =>
            e.spoke &&
            (e.kind === 'institution' || e.kind === 'person' || e.kind === 'name' || e.kind === 'role'),
          at,
        ) ??
        this.latest(
          (e) => e.kind === 'institution' || e.kind === 'person' || e.kind === 'name' || e.kind === 'role',
          at,
        );
      if (entry) {
        entry.lastSeen = at;
        return entry;
      }
    }
    if (p.name) {
      const tokens = this.folded(p.name);
      entry = this.byName(tokens, p.kind, at);
    }
    let backReference = false;
    if (!entry && (p.kind === 'role' || p.kind === 'institution')) {
      entry = this.byHead(p, at);
      backReference = entry !== undefined;
    }
    if (entry) {
      this.addMention(entry, mention);
      // «الوزير» referring back adds a mention, not a title.
      if (!backReference || p.end - p.start > 1) this.enrich(entry, p);
      entry.lastSeen = at;
      return entry;
    }
    const created: Entry = {
      id: `p${this.entries.length + 1}`,
      name: this.nameOf(mention, (p.name ?? p).start),
      nameTokens: this.folded(p.name ?? p),
      kind: p.kind,
      titles: [],
      titleHeads: new Set(),
      affiliations: [],
      gender: p.gender,
      number: p.number,
      mentions: [mention],
      lastSeen: at,
      spoke: false,
      cited: false,
      unnamed: p.kind === 'group' || p.kind === 'role',
    };
    if (p.kind === 'role') created.name = this.text(p).text;
    this.enrich(created, p);
    this.entries.push(created);
    return created;
  }

  /**
   * A dual noun made from a title («المحاميان», «الوزيران») refers to the two
   * latest people holding that title; null when it is not one, or two are
   * not known.
   */
  pairFor(p: Phrase, at: number): Entry[] | null {
    if (p.end - p.start !== 1) return null;
    const w = this.r.words[p.start]!;
    if (!w.definite || !w.stem.endsWith('ان')) return null;
    const singular = w.stem.slice(0, -2);
    if (!this.r.lex.personTitles.has(singular)) return null;
    const holders = this.entries
      .filter((e) => e.lastSeen <= at && e.titleHeads.has(singular))
      .sort((a, b) => b.lastSeen - a.lastSeen);
    if (holders.length < 2) return null;
    const pair = holders.slice(0, 2).reverse();
    const mention = this.text(p);
    for (const e of pair) {
      this.addMention(e, mention);
      e.lastSeen = at;
    }
    return pair;
  }

  /** The unnamed source of passives and anonymous reports. */
  unspecified(at: number): Entry {
    let e = this.entries.find((x) => x.name === UNSPECIFIED_SOURCE);
    if (!e) {
      e = {
        id: `p${this.entries.length + 1}`,
        name: UNSPECIFIED_SOURCE,
        nameTokens: [],
        kind: 'unnamed',
        titles: [],
        titleHeads: new Set(),
        affiliations: [],
        gender: 'f',
        number: 'pl',
        mentions: [],
        lastSeen: at,
        spoke: false,
        cited: false,
        unnamed: true,
      };
      this.entries.push(e);
    }
    return e;
  }

  /** The latest speaker agreeing with a verb's gender and number, for a missing subject. */
  anaphor(gender: Gender, number: GrammaticalNumber, at: number): Entry | undefined {
    // Speakers first, and anyone acting in this very sentence («حذر الرئيس إيران وقال …»):
    // «وأضاف» continues someone quoted, not a name met in passing. A source only cited
    // («بحسب صحيفة …») comes next, then anyone; agreement counts before salience.
    const sentence = this.r.sentenceOf[at];
    const pools: ((e: Entry) => boolean)[] = [
      (e) => e.spoke || this.r.sentenceOf[e.lastSeen] === sentence,
      (e) => e.spoke || e.cited || this.r.sentenceOf[e.lastSeen] === sentence,
      () => true,
    ];
    // «وقالوا»: people in the plural, however far, before a salient institution.
    if (number !== 'sg') {
      for (const pool of pools.slice(1)) {
        const plural = this.latest(
          (e) => e.name !== UNSPECIFIED_SOURCE && pool(e) && (e.number !== 'sg' || e.kind === 'group'),
          at,
        );
        if (plural) return plural;
      }
    }
    for (const pool of pools) {
      const agreeing = this.anaphorAmong(gender, number, at, pool, true);
      if (agreeing) return agreeing;
    }
    for (const pool of pools) {
      const any = this.anaphorAmong(gender, number, at, pool, false);
      if (any) return any;
    }
    return undefined;
  }

  private anaphorAmong(
    gender: Gender,
    number: GrammaticalNumber,
    at: number,
    pool: (e: Entry) => boolean,
    agreeing: boolean,
  ): Entry | undefined {
    const real = (e: Entry) => e.name !== UNSPECIFIED_SOURCE && pool(e);
    if (!agreeing) return this.latest(real, at);
    if (number !== 'sg') {
      // «وقالوا»: people in the plural first («مسؤولون», «شخصيات مطلعة»); an institution only
      // when there are none («قال الجيش … وأضافوا» is rare).
      return (
        this.latest((e) => real(e) && (e.number !== 'sg' || e.kind === 'group'), at) ??
        this.latest((e) => real(e) && e.kind === 'institution', at)
      );
    }
    if (gender === 'f') {
      // A feminine verb wants a feminine speaker (a woman, a ministry, «مصادر»); a name of unknown
      // gender («إسرائيل», «ماي») only when there is none.
      return (
        this.latest((e) => real(e) && e.gender === 'f' && (e.kind !== 'group' || e.number === 'pl'), at) ??
        this.latest((e) => real(e) && e.gender === null && e.kind === 'name', at)
      );
    }
    // Masculine: a man, or a person or name of unknown gender (most names).
    return this.latest((e) => real(e) && e.kind !== 'group' && (e.gender === 'm' || e.gender === null), at);
  }

  private latest(ok: (e: Entry) => boolean, at: number): Entry | undefined {
    let best: Entry | undefined;
    for (const e of this.entries)
      if (e.lastSeen <= at && ok(e) && (!best || e.lastSeen > best.lastSeen)) best = e;
    return best;
  }

  /** Same name, or a surname / first-name back-reference to a named person. */
  private byName(tokens: string[], kind: PhraseKind, at: number): Entry | undefined {
    const key = tokens.join(' ');
    const same = this.entries.find((e) => e.nameTokens.join(' ') === key && e.kind !== 'role');
    if (same) return same;
    if (kind !== 'name' && kind !== 'person') return undefined;
    const isPart = (e: Entry) => {
      if (e.kind !== 'person' && e.kind !== 'name') return false;
      const n = e.nameTokens;
      if (tokens.length >= n.length) {
        // A fuller form of an earlier short mention: «ترمب» then «دونالد ترمب».
        return n.length > 0 && tokens.slice(tokens.length - n.length).join(' ') === n.join(' ');
      }
      const suffix = n.slice(n.length - tokens.length).join(' ') === key;
      const prefix = tokens.length === 1 && n[0] === key;
      return suffix || prefix;
    };
    return this.latest(isPart, at);
  }

  /** «الوزير» → the latest person with a وزير title; «الوزارة» → the latest institution headed وزارة. */
  private byHead(p: Phrase, at: number): Entry | undefined {
    const r = this.r;
    const head = r.words[p.start]!.stem;
    if (p.kind === 'role') {
      if (p.end - p.start > 1) {
        const text = this.text(p).text;
        return this.entries.find((e) => e.titles.includes(text) || (e.kind === 'role' && e.name === text));
      }
      return this.latest((e) => e.titleHeads.has(head), at);
    }
    if (p.end - p.start === 1 && r.words[p.start]!.definite) {
      return this.latest(
        (e) => e.kind === 'institution' && e.nameTokens[0] !== undefined && stemOf(e.nameTokens[0]) === head,
        at,
      );
    }
    return undefined;
  }

  private addMention(e: Entry, m: TextSpan): void {
    if (!e.mentions.some((x) => x.start === m.start)) e.mentions.push(m);
    // Keep the fullest name seen.
    if (
      (e.kind === 'person' || e.kind === 'name') &&
      m.text.length > e.name.length &&
      m.text.includes(e.name.split(' ').at(-1)!)
    ) {
      e.name = m.text;
      e.nameTokens = this.foldText(m);
    }
  }

  private foldText(m: TextSpan): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.r.length; i++) {
      const t = this.r.tokens[i]!;
      if (t.end <= m.start) continue;
      if (t.start >= m.end) break;
      out.push(out.length === 0 ? this.r.words[i]!.core : this.r.words[i]!.fold);
    }
    return out;
  }

  private enrich(e: Entry, p: Phrase): void {
    const r = this.r;
    for (const t of p.titles) {
      if (t.end <= t.start) continue;
      const text = this.text(t).text;
      if (!e.titles.includes(text)) e.titles.push(text);
      e.titleHeads.add(r.words[t.start]!.stem);
    }
    for (const a of p.affiliations) {
      const span = r.span(a.start, a.end, true);
      // «لكتائب سيد الشهداء» → «كتائب سيد الشهداء»: the genitive preposition is not part of the name.
      const parts = r.doc.segments[a.start];
      let text = span.text;
      const prepPart = parts?.find((x) => x.role === 'prep');
      if (prepPart) text = r.text.slice(r.tokens[a.start]!.start + prepPart.end, span.end);
      if (!e.affiliations.includes(text)) e.affiliations.push(text);
    }
    if (e.gender === null && p.gender) e.gender = p.gender;
    if (p.kind === 'person' && e.kind === 'name') e.kind = 'person';
  }

  /** The record's people. */
  toRecord(): Person[] {
    return this.entries.map((e) => ({
      id: e.id,
      name: e.name,
      titles: e.titles,
      affiliations: e.affiliations,
      group: e.kind === 'group' || e.kind === 'institution' || e.kind === 'unnamed',
      mentions: e.mentions,
      ...(e.unnamed ? { unnamed: true } : {}),
    }));
  }
}

function stemOf(folded: string): string {
  return folded.startsWith('ال') ? folded.slice(2) : folded;
}
