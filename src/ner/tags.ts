/**
 * The tag set of the named-entity tagger: BIO over four entity types, and
 * which tag may follow which (an I-X only continues a B-X or an I-X).
 */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const TAGS = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;
export const O = 0;

const index = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/** The index of a tag; ANERcorp's PERS is PER, AQMAR's MIS0–MIS3 are MISC, anything else is O. */
export function tagIndex(tag: string): number {
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m) return O;
  const type = m[2] === 'PERS' ? 'PER' : m[2]!.startsWith('MIS') ? 'MISC' : m[2]!;
  return index.get(`${m[1]}-${type}`) ?? O;
}

/** allowed[prev * TAG_COUNT + next]; prev = TAG_COUNT stands for the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let prev = 0; prev <= TAG_COUNT; prev++) {
    for (let next = 0; next < TAG_COUNT; next++) {
      const n = TAGS[next]!;
      let ok = true;
      if (n.startsWith('I-')) {
        const p = prev < TAG_COUNT ? TAGS[prev]! : 'O';
        ok = p !== 'O' && p.slice(2) === n.slice(2);
      }
      a[prev * TAG_COUNT + next] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** Entity spans [type, start token, end token) of a tag sequence, read as conlleval does. */
export function spansOf(tags: readonly string[]): TagSpan[] {
  return spansOfIndices(tags.map(tagIndex));
}

export interface TagSpan {
  readonly type: EntityType;
  readonly start: number;
  end: number;
}

/** `spansOf` over tag indices (what the tagger returns). */
export function spansOfIndices(tags: readonly number[]): TagSpan[] {
  const out: TagSpan[] = [];
  let cur: TagSpan | null = null;
  tags.forEach((k, i) => {
    if (k === O) {
      cur = null;
      return;
    }
    const tag = TAGS[k]!;
    const type = tag.slice(2) as EntityType;
    if (tag.startsWith('B-') || !cur || cur.type !== type) {
      cur = { type, start: i, end: i + 1 };
      out.push(cur);
    } else cur.end = i + 1;
  });
  return out;
}
