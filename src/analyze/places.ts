/**
 * The places component: every place entity put on the map, or a diagnostic
 * saying why not. The article's own words choose between places of the same
 * name (see places/geocode.ts); nothing outside the text is assumed.
 */

import { type Gazetteer, gazetteer } from '../places/gazetteer.ts';
import { Geocoder } from '../places/geocode.ts';
import type { Entity, Place } from '../record/types.ts';
import { tokenIndexAt } from '../text/tokenize.ts';
import type { Doc } from './doc.ts';
import type { Component } from './pipeline.ts';
import { words } from './words.ts';

/** How many words after a place name may say which country it is in («… داخل الأراضي السورية»). */
const CONTAINER_WINDOW = 5;

export const placesComponent: Component = {
  name: 'places',
  version: '1',
  requires: ['tokens', 'segments', 'entities'],
  provides: ['places'],
  run(doc) {
    const gaz = gazetteer();
    const geocoder = new Geocoder(gaz);
    const placeLike = doc.entities.filter((e) => e.type === 'LOC');
    const countries = articleCountries(doc, gaz, geocoder);
    const places: Place[] = [];
    for (const e of placeLike) {
      const mentions = e.mentions ?? [{ text: e.text, start: e.start, end: e.end }];
      const names = [e.text, ...mentions.map((m) => m.text)];
      let container: string | null = null;
      for (const m of mentions) container ??= containerAfter(doc, gaz, m.end);
      const r = geocoder.resolve(names, { countries, container });
      if (!r) {
        doc.diagnose({
          code: 'unresolved-place',
          message: names.some((n) => geocoder.candidates(n).entries.length)
            ? `«${e.text}» names only small towns outside the region and the countries this article is about; kept as an entity only`
            : `no gazetteer entry for the place «${e.text}»; kept as an entity only`,
          start: e.start,
          end: e.end,
        });
        continue;
      }
      const g = r.entry;
      places.push({
        text: e.text,
        start: e.start,
        end: e.end,
        name: g.name,
        country: g.country,
        lat: g.lat,
        lon: g.lon,
        ...(g.geonames ? { geonames: g.geonames } : {}),
        kind: g.kind,
        ...(g.toleranceKm ? { tolerance_km: g.toleranceKm } : {}),
        ...(e.id ? { entity: e.id } : {}),
        mentions,
      });
    }
    doc.places = places;
  },
};

/** The countries the article names, by place entities and demonyms, with how often. */
function articleCountries(doc: Doc, gaz: Gazetteer, geocoder: Geocoder): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (c: string | null, n = 1) => {
    if (c) counts.set(c, (counts.get(c) ?? 0) + n);
  };
  for (const e of doc.entities as Entity[]) {
    if (e.type !== 'LOC') continue;
    const { entries } = geocoder.candidates(e.text);
    // Only names that say their country for sure: a country, or a place of one country alone.
    const only = new Set(entries.map((x) => x.country));
    if (only.size === 1) add([...only][0]!, e.mentions?.length ?? 1);
  }
  for (const w of words(doc)) if (w.arabic) add(gaz.demonymOfKey(w.nominal));
  return counts;
}

/** A country named or implied (demonym) in the few words after `end`, within the sentence. */
function containerAfter(doc: Doc, gaz: Gazetteer, end: number): string | null {
  let i = tokenIndexAt(doc.tokens, end);
  for (let seen = 0; i < doc.tokens.length && seen < CONTAINER_WINDOW; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'punct' && t.text !== '،' && t.text !== ',') return null;
    if (t.kind !== 'arabic') continue;
    seen++;
    const w = words(doc)[i]!;
    const country = gaz.demonymOfKey(w.nominal) ?? gaz.countryOfKey(w.nominal);
    if (country) return country;
  }
  return null;
}
