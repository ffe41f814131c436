/**
 * The store written out: JSON Lines of article records; CSV of quotations
 * (one row a quotation: speaker, titles, verb, content, channel, outlet,
 * date, url, and the statement it repeats); GeoJSON of places and events
 * (points, with what each is and where it was read).
 *
 * CSV follows RFC 4180 (quoted fields, doubled quotes, CRLF), with a UTF-8
 * byte-order mark so spreadsheets read the Arabic as Arabic. A cell that a
 * spreadsheet would run as a formula (starting with = + - @ or a tab) gets a
 * leading apostrophe: exported news must not execute.
 */
import type { EventRow, PlaceRow, QuoteRow, Store } from '../store/store.ts';

export type ExportFormat = 'jsonl' | 'csv' | 'geojson';

export const QUOTE_COLUMNS = [
  'speaker',
  'titles',
  'affiliations',
  'verb',
  'kind',
  'content',
  'channel',
  'outlet',
  'published',
  'url',
  'article',
  'quote',
  'statement',
] as const;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join('؛ ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function quoteCsvLine(q: QuoteRow): string {
  return QUOTE_COLUMNS.map((c) => csvCell(q[c])).join(',');
}

export function placeFeature(p: PlaceRow): object | null {
  if (p.lat === null || p.lon === null) return null;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: {
      layer: 'place',
      text: p.text,
      name: p.name,
      country: p.country,
      kind: p.kind,
      geonames: p.geonames,
      article: p.article,
      title: p.title,
      published: p.published,
      url: p.url,
    },
  };
}

export function eventFeature(e: EventRow): object | null {
  if (e.lat === null || e.lon === null) return null;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
    properties: {
      layer: 'event',
      type: e.type,
      mode: e.mode,
      status: e.status,
      actor: e.actor,
      target: e.target,
      place: e.place,
      date: e.date,
      assertedBy: e.assertedBy,
      evidence: e.evidence,
      article: e.article,
      title: e.title,
      published: e.published,
      url: e.url,
    },
  };
}

/** Lines of the export, streamed: for a file or standard output. */
export async function* exportLines(
  store: Store,
  format: ExportFormat,
  layers: 'places' | 'events' | 'all' = 'all',
): AsyncGenerator<string> {
  if (format === 'jsonl') {
    for await (const r of store.records()) yield JSON.stringify(r);
    return;
  }
  if (format === 'csv') {
    yield `\ufeff${QUOTE_COLUMNS.join(',')}\r`;
    for await (const q of store.quoteRows()) yield `${quoteCsvLine(q)}\r`;
    return;
  }
  // GeoJSON: one FeatureCollection, a feature a line, so a big store streams.
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  const emit = (f: object | null) => {
    if (!f) return null;
    const line = `${first ? '' : ','}${JSON.stringify(f)}`;
    first = false;
    return line;
  };
  if (layers !== 'events')
    for await (const p of store.placeRows()) {
      const l = emit(placeFeature(p));
      if (l) yield l;
    }
  if (layers !== 'places')
    for await (const e of store.eventRows()) {
      const l = emit(eventFeature(e));
      if (l) yield l;
    }
  yield ']}';
}
