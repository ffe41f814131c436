/**
 * The Doc: one article under analysis. The text is immutable; components add
 * layers beside it (tokens, segments, sentences, entities, quotes …) as spans
 * over it, and the record is assembled from those layers at the end.
 */
import { createHash } from 'node:crypto';
import { SCHEMA_ID } from '../record/constants.ts';
import type {
  ArticleRecord,
  Claim,
  Diagnostic,
  Entity,
  EventRecord,
  Meta,
  Person,
  Place,
  Quote,
  SourceRef,
} from '../record/types.ts';
import type { SegmentPart } from '../text/clitics.ts';
import { type NormalizeOptions, normalize, SEARCH_FORM, type View } from '../text/normalize.ts';
import type { TextStructure } from '../text/sentences.ts';
import type { Token } from '../text/tokenize.ts';
import { boundMeta } from './meta.ts';

/** An article as it enters analysis: decoded text and what is known about it. */
export interface Article {
  readonly text: string;
  readonly meta: Partial<Meta>;
  /** Findings from reading and decoding (invalid bytes, controls …), carried into the record. */
  readonly diagnostics?: readonly Diagnostic[];
}

export class Doc {
  readonly text: string;
  readonly meta: Meta;
  readonly diagnostics: Diagnostic[];

  tokens: Token[] = [];
  /**
   * Clitic segments of each token, parallel to `tokens`, relative to the
   * token's start (undefined for non-Arabic tokens). Shared between equal
   * words: read-only.
   */
  segments: (readonly SegmentPart[] | undefined)[] = [];
  structure: TextStructure | null = null;

  sources: SourceRef[] = [];
  people: Person[] = [];
  quotes: Quote[] = [];
  entities: Entity[] = [];
  places: Place[] = [];
  events: EventRecord[] = [];
  claims: Claim[] = [];

  private readonly views = new Map<string, View>();

  constructor(article: Article) {
    this.text = article.text;
    // Bounded here too, for articles that did not come through our readers (the queue takes any producer's).
    const { meta, diagnostics } = boundMeta(article.meta);
    this.meta = { ...meta, language: meta.language ?? detectLanguage(article.text) };
    this.diagnostics = [...(article.diagnostics ?? []), ...diagnostics];
  }

  /** A normalised view of the text, computed once per set of options. */
  view(options: NormalizeOptions = SEARCH_FORM): View {
    const key = JSON.stringify(options);
    let v = this.views.get(key);
    if (!v) {
      v = normalize(this.text, options);
      this.views.set(key, v);
    }
    return v;
  }

  diagnose(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  toRecord(): ArticleRecord {
    return {
      schema: SCHEMA_ID,
      id: recordId(this.text, this.meta.url),
      text: this.text,
      meta: this.meta,
      sources: this.sources,
      people: this.people,
      quotes: this.quotes,
      entities: this.entities,
      places: this.places,
      events: this.events,
      claims: this.claims,
      diagnostics: this.diagnostics,
    };
  }
}

/** Stable article id: the first 16 hex digits of SHA-256 over the URL (when known) and the text. */
export function recordId(text: string, url?: string): string {
  return createHash('sha256')
    .update(url ?? '')
    .update('\u0000')
    .update(text)
    .digest('hex')
    .slice(0, 16);
}

/** "ar" when Arabic letters are at least a third of the letters, else "und". */
export function detectLanguage(text: string): string {
  let arabic = 0;
  let letters = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06ff) {
      arabic++;
      letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  return letters > 0 && arabic * 3 >= letters ? 'ar' : 'und';
}
