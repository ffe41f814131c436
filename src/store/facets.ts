/**
 * Facets as terms of the search index: an article that names an
 * organisation or a place, reports an event of a type, or comes from an
 * outlet gets a term for it («\u0001org:…», «\u0001place:…», «\u0001type:…»,
 * «\u0001outlet:…») beside its words, so the search filters read posting lists as words do —
 * and the store keeps no index ordered by entity name, which every write
 * would insert into at random places. A control character opens each one:
 * no word of a text or a query is ever such a term.
 */
import type { ArticleRecord } from '../record/types.ts';
import { nameKey } from './identity.ts';

export type FacetKind = 'org' | 'place' | 'type' | 'outlet';

/** The term of a facet value (as written in an article, or typed as a filter). */
export function facetTerm(kind: FacetKind, value: string): string {
  const key = nameKey(value).toLowerCase();
  return key ? `\u0001${kind}:${key}` : '';
}

/**
 * An article's facet terms: its organisations (as written and canonical), its
 * places (as written and their gazetteer names), the types of the events it
 * reports, and its outlet.
 */
export function facetTerms(record: ArticleRecord): string[] {
  const out = new Set<string>();
  const add = (kind: FacetKind, value: string | null | undefined) => {
    if (!value) return;
    const t = facetTerm(kind, value);
    if (t) out.add(t);
  };
  for (const e of record.entities) {
    if (e.type === 'ORG') {
      add('org', e.text);
      add('org', e.canonical);
    } else if (e.type === 'LOC') add('place', e.text);
  }
  for (const p of record.places) {
    add('place', p.text);
    add('place', p.name);
  }
  for (const e of record.events) add('type', e.type);
  add('outlet', record.meta.outlet);
  return [...out];
}
