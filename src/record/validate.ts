/**
 * Validation of article records: the zod schema, plus the invariant the
 * schema cannot say — every span lies inside the text, and every span that
 * carries its own `text` is exactly `text.slice(start, end)`.
 */
import { ArticleRecord } from './schema.ts';
import type { ArticleRecord as Record } from './types.ts';

export interface Validation {
  readonly ok: boolean;
  readonly errors: string[];
}

/** Check a record against the schema and the span invariant. */
export function validateRecord(value: unknown): Validation {
  const parsed = ArticleRecord.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    };
  }
  const errors = spanErrors(parsed.data);
  return { ok: errors.length === 0, errors };
}

/** Every span-shaped object below the record (not the record itself), with its path. */
export function* spansOf(
  record: Record,
): Generator<{ path: string; span: { start: number; end: number; text?: unknown } }> {
  function* walk(
    node: unknown,
    path: string,
  ): Generator<{ path: string; span: { start: number; end: number; text?: unknown } }> {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) yield* walk(node[i], `${path}[${i}]`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as { [k: string]: unknown };
    if (typeof obj.start === 'number' && typeof obj.end === 'number') {
      yield { path, span: obj as { start: number; end: number; text?: unknown } };
    }
    for (const [k, v] of Object.entries(obj))
      if (v !== null && typeof v === 'object') yield* walk(v, `${path}.${k}`);
  }
  for (const [k, v] of Object.entries(record)) {
    if (k === 'text' || k === 'meta') continue;
    yield* walk(v, k);
  }
}

function spanErrors(record: Record): string[] {
  const errors: string[] = [];
  const n = record.text.length;
  for (const { path, span } of spansOf(record)) {
    if (span.start > span.end || span.end > n) {
      errors.push(`${path}: span [${span.start}, ${span.end}) outside the text (length ${n})`);
      continue;
    }
    if (typeof span.text === 'string' && record.text.slice(span.start, span.end) !== span.text) {
      errors.push(`${path}: text ${JSON.stringify(span.text)} is not text.slice(${span.start}, ${span.end})`);
    }
  }
  return errors;
}
