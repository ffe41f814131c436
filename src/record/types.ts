/** TypeScript types of the article record, inferred from its zod schema. */
import type { z } from 'zod';
import type * as S from './schema.ts';

export type ArticleRecord = z.infer<typeof S.ArticleRecord>;
export type Meta = z.infer<typeof S.Meta>;
export type Diagnostic = z.infer<typeof S.Diagnostic>;
export type SourceRef = z.infer<typeof S.SourceRef>;
export type Person = z.infer<typeof S.Person>;
export type Quote = z.infer<typeof S.Quote>;
export type Entity = z.infer<typeof S.Entity>;
export type Place = z.infer<typeof S.Place>;
export type EventRecord = z.infer<typeof S.EventRecord>;
export type Claim = z.infer<typeof S.Claim>;
export type ErrorLine = z.infer<typeof S.ErrorLine>;
export type Span = z.infer<typeof S.Span>;
export type TextSpan = z.infer<typeof S.TextSpan>;
