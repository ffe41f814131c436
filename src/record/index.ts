/** The article record: schema, types, validation. */
export { SCHEMA_ID } from './constants.ts';
export { articleJsonSchema } from './json-schema.ts';
export { ArticleRecord as ArticleRecordSchema, ErrorLine as ErrorLineSchema } from './schema.ts';
export type * from './types.ts';
export { spansOf, type Validation, validateRecord } from './validate.ts';
