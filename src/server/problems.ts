/**
 * Errors as JSON problem details (RFC 9457): every error the API returns has
 * a stable `code` a client can act on, the HTTP status, and a sentence for
 * people. Nothing internal (stack traces, SQL, paths) goes out.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  /** Which request fields were wrong, for invalid-request. */
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

const TITLES: Record<string, string> = {
  'invalid-request': 'The request is not valid',
  'not-found': 'Not found',
  unauthorized: 'A bearer token is needed',
  forbidden: 'The token is wrong',
  'ingest-disabled': 'Ingest is turned off',
  'payload-too-large': 'The request body is too large',
  'rate-limited': 'Too many requests',
  'method-not-allowed': 'Method not allowed',
  'unsupported-media-type': 'Unsupported media type',
  'analysis-failed': 'The article could not be analysed',
  'internal-error': 'Something went wrong on the server',
  unavailable: 'Not available',
};

export function problem(
  code: string,
  status: number,
  detail?: string,
  extra: Partial<Pick<Problem, 'errors'>> = {},
): Problem {
  return {
    type: `https://isnad.invalid/problems/${code}`,
    title: TITLES[code] ?? code,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.json(p, p.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}

/** A Response carrying a problem, outside a handler's context. */
export function problemOf(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}
