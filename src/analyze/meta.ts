/**
 * An article's metadata as the record may hold it: the known fields as
 * strings of sensible length. Inputs are hostile at times — a feed item with
 * a 10 MB title, a JSON line whose date is an object, a producer on the
 * queue that is not ours — and a value the store cannot index (PostgreSQL
 * refuses B-tree keys over 2,704 bytes) would fail the whole write. What is
 * cut or dropped is said in a diagnostic.
 */
import type { Diagnostic, Meta } from '../record/types.ts';

/** The longest value kept of each field, in UTF-16 code units. */
export const META_LIMITS: Readonly<Record<string, number>> = {
  title: 1000,
  outlet: 200,
  url: 2048,
  published: 64,
  language: 35,
  encoding: 64,
  format: 32,
  source: 2048,
  sourceId: 256,
};

export function boundMeta(meta: Partial<Meta>): { meta: Partial<Meta>; diagnostics: Diagnostic[] } {
  const out: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(meta)) {
    const limit = META_LIMITS[key];
    if (limit === undefined) {
      out[key] = value; // a field of some other producer's: kept as given
      continue;
    }
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      diagnostics.push({
        code: 'meta-dropped',
        message: `meta.${key} is not a string (${typeof value}): dropped`,
      });
      continue;
    }
    if (value.length > limit) {
      diagnostics.push({
        code: 'meta-cut',
        message: `meta.${key} is ${value.length} characters long: cut to ${limit}`,
      });
      out[key] = value.slice(0, limit);
    } else out[key] = value;
  }
  return { meta: out as Partial<Meta>, diagnostics };
}
