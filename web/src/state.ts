/** What the UI keeps between pages: the text just analysed and not stored. */
import type { ArticleInput, ArticleRecord } from './api.ts';
import { signal } from './signal.ts';

export const draft = signal<{ record: ArticleRecord; input: ArticleInput } | null>(null);
