/**
 * The few errors isnad throws, each with a stable `code`, the context it
 * happened in, and a message that says what was found and what to do. Used
 * only at the edges (bad input, bad configuration) and for bugs; findings
 * inside an article are diagnostics, not errors.
 */
export type ErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'read-failed'
  | 'empty-input'
  | 'binary-input'
  | 'too-large'
  | 'invalid-json'
  | 'invalid-article'
  | 'unsupported-input'
  | 'html-failed'
  | 'invalid-feed'
  | 'invalid-warc'
  | 'analysis-failed'
  | 'pipeline-config'
  | 'store-unavailable'
  | 'queue-unavailable'
  | 'usage';

export interface ErrorContext {
  readonly file?: string;
  readonly line?: number;
  readonly offset?: number;
}

export class IsnadError extends Error {
  override readonly name = 'IsnadError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Any thrown value as an IsnadError (unexpected ones keep their message and become the cause). */
export function asIsnadError(err: unknown, fallback: ErrorCode, context: ErrorContext = {}): IsnadError {
  if (err instanceof IsnadError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new IsnadError(fallback, message, context, { cause: err });
}
