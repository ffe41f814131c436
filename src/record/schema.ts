/**
 * The article record (../shared/spec/OUTPUT.md, schema isnad/article@1) as a
 * zod schema: one definition that gives the TypeScript types, runtime
 * validation, and the committed JSON Schema (scripts/build-schema.ts).
 *
 * Objects are open (fields may be added without a schema bump, as the spec
 * allows); the fields named here keep their names and meaning.
 */
import { z } from 'zod';

import { SCHEMA_ID } from './constants.ts';

export { SCHEMA_ID };

const offset = z.int().nonnegative();

export const Span = z.looseObject({ start: offset, end: offset });
export const TextSpan = z.looseObject({ text: z.string(), start: offset, end: offset });

export const Diagnostic = z.looseObject({
  code: z.string().min(1).describe('stable machine-readable code, e.g. unmatched-quote-mark'),
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const Meta = z.looseObject({
  title: z.string().optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional().describe('ISO 8601 date or date-time, as published'),
  language: z.string().describe('BCP 47 code of the text: "ar", or "und" when undetermined'),
  encoding: z.string().optional().describe('the byte encoding the text was decoded from'),
  format: z.string().optional().describe('what the input was: text, html, jsonl'),
  source: z.string().optional().describe('where the input came from: a path, "-", or path:line'),
  sourceId: z.string().optional().describe('the id the input gave the article (a JSONL "id")'),
});

export const SourceRef = z.looseObject({
  name: z.string(),
  kind: z.enum(['agency', 'outlet', 'newspaper', 'broadcaster', 'website', 'social', 'other']),
  start: offset,
  end: offset,
});

export const Person = z.looseObject({
  id: z.string(),
  name: z.string(),
  titles: z.array(z.string()),
  affiliations: z.array(z.string()),
  group: z.boolean().describe('true for unnamed collectives and institutions speaking as one'),
  mentions: z.array(TextSpan),
  wikidata: z.string().optional(),
});

export const Quote = z.looseObject({
  id: z.string(),
  kind: z.enum(['direct', 'indirect', 'mixed']),
  speaker: z.string().nullable(),
  verb: z.looseObject({ text: z.string(), lemma: z.string(), start: offset, end: offset }).nullable(),
  content: TextSpan,
  channel: z
    .looseObject({
      kind: z.string(),
      text: z.string(),
      source: z.string().optional(),
      start: offset,
      end: offset,
    })
    .nullable(),
  confidence: z.number().min(0).max(1),
});

export const Entity = z.looseObject({
  id: z.string().optional().describe('e1, e2 …: what places[].entity points at'),
  type: z.enum(['PER', 'ORG', 'LOC', 'MISC']),
  text: z.string().describe('the fullest form the article gives the entity; start/end are that mention'),
  start: offset,
  end: offset,
  mentions: z.array(TextSpan).optional().describe('every mention of the entity, the fullest included'),
  person: z.string().optional().describe('the people[].id of a PER entity'),
  canonical: z.string().optional(),
  wikidata: z.string().optional(),
});

export const Place = z.looseObject({
  text: z.string(),
  start: offset,
  end: offset,
  name: z.string(),
  country: z.string().nullable(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  geonames: z.int().optional(),
  kind: z.enum(['country', 'region', 'city', 'site']),
  tolerance_km: z.number().nonnegative().optional().describe('how far from the point the place extends'),
  entity: z.string().optional().describe('the entities[].id this place resolves'),
  mentions: z.array(TextSpan).optional(),
});

const Argument = z.looseObject({ text: z.string(), code: z.string().optional() });

export const EventRecord = z.looseObject({
  type: z.string().regex(/^[A-Z_]+$/, 'PLOVER types are upper case'),
  mode: z.string().optional(),
  status: z.enum(['happened', 'ongoing', 'planned', 'predicted', 'claimed', 'denied']),
  actor: Argument.nullable().optional(),
  target: Argument.nullable().optional(),
  place: TextSpan.nullable().optional(),
  date: z.string().nullable().optional(),
  assertedBy: z.string().describe('"outlet" or a people[].id'),
  quote: z.string().optional().describe('the quotes[].id that states the event, when a speaker asserts it'),
  trigger: TextSpan.optional().describe('the words that report the event («غارة», «اشتباكات»)'),
  evidence: TextSpan,
});

export const Claim = z.looseObject({
  kind: z.enum(['prediction', 'statistic', 'accusation', 'promise', 'other']),
  speaker: z.string().nullable(),
  quote: z.string().nullable(),
  text: z.string(),
  start: offset,
  end: offset,
  due: z.string().optional(),
});

export const ArticleRecord = z.looseObject({
  schema: z.literal(SCHEMA_ID),
  id: z.string().min(1),
  text: z.string(),
  meta: Meta,
  sources: z.array(SourceRef),
  people: z.array(Person),
  quotes: z.array(Quote),
  entities: z.array(Entity),
  places: z.array(Place),
  events: z.array(EventRecord),
  claims: z.array(Claim),
  diagnostics: z.array(Diagnostic),
});

/** One line of `isnad extract` output for an input that could not be analysed. */
export const ErrorLine = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  source: z.string(),
});
