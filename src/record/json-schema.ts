/** The article record's JSON Schema, generated from the zod schema. */
import { z } from 'zod';
import { ArticleRecord, SCHEMA_ID } from './schema.ts';

export function articleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ArticleRecord, { target: 'draft-2020-12' }),
    $id: `urn:${SCHEMA_ID.replace('/', ':')}`,
    title: 'isnad article record',
    description:
      'One analysed article: text, metadata, and every finding as a span over the text (spec/OUTPUT.md).',
  };
}
