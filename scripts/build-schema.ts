/**
 * Writes src/record/article.schema.json, the JSON Schema of the article
 * record, from the zod schema in src/record/schema.ts. A test fails when the
 * committed file and the zod schema disagree.
 *
 *   npm run build:schema
 */
import { writeFileSync } from 'node:fs';
import { articleJsonSchema } from '../src/record/json-schema.ts';

const out = new URL('../src/record/article.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(articleJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
