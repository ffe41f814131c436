/**
 * WARC files (ISO 28500, versions 1.0 and 1.1; .warc or .warc.gz) as
 * articles: each `response` (or `resource`) record that carries an HTML page
 * with a 2xx status becomes one article, its URL the record's target URI.
 * Other records (requests, metadata, images, redirects) are passed over.
 *
 * Read as a stream, one record at a time, so an archive of any size fits in
 * memory. A damaged archive loses only what is damaged: a record whose
 * header cannot be read is an error and reading resumes at the next
 * «WARC/1.» line; a record cut short (its Content-Length runs past the end of
 * the file) is an error naming its offset, and ends the file; a record
 * larger than the limit is skipped unread, with an error.
 */
import type { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Article } from '../analyze/doc.ts';
import { IsnadError } from '../errors.ts';
import { guardedGunzip } from './gzip.ts';

export interface WarcOptions {
  readonly gzipped: boolean;
  /** Records larger than this are skipped (default 64 MB). */
  readonly maxRecordBytes?: number;
  /** Turns a page's bytes into an article (the HTML reader). */
  readonly toArticle: (html: Uint8Array, source: string) => Article;
}

export type WarcItem =
  | { readonly kind: 'article'; readonly article: Article; readonly source: string }
  | { readonly kind: 'error'; readonly error: IsnadError; readonly source: string };

const MAX_HEADER = 64 * 1024;
const MAGIC = Buffer.from('WARC/1.');

interface Header {
  readonly version: string;
  readonly fields: Map<string, string>;
}

function parseHeader(text: string): Header | null {
  const lines = text.split(/\r?\n/);
  const version = lines[0]!.trim();
  if (!/^WARC\/1\.[01]$/.test(version)) return null;
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { version, fields };
}

/** Where the header block ends (after its blank line), or -1. */
function headerEnd(buf: Buffer, from: number): number {
  const crlf = buf.indexOf('\r\n\r\n', from);
  const lf = buf.indexOf('\n\n', from);
  if (crlf < 0 && lf < 0) return -1;
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return crlf + 4;
  return lf + 2;
}

export async function* readWarc(
  stream: Readable,
  source: string,
  options: WarcOptions,
): AsyncGenerator<WarcItem> {
  const maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
  const input = options.gzipped ? guardedGunzip(stream, source) : stream;
  let buf: Buffer = Buffer.alloc(0);
  let base = 0; // file offset of buf[0], in decompressed bytes
  let skip = 0; // bytes of an oversized record still to pass over
  let recordNo = 0;
  let ended = false;
  let resyncing = false;
  const chunks = input[Symbol.asyncIterator]();
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      return false;
    }
    let chunk = next.value as Buffer;
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      base += n;
      chunk = chunk.subarray(n);
    }
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    return true;
  };
  const consume = (n: number) => {
    buf = buf.subarray(n);
    base += n;
  };
  const error = (code: 'invalid-warc' | 'too-large', message: string, at: number): WarcItem => ({
    kind: 'error',
    error: new IsnadError(code, `${source}: ${message}`, { file: source, offset: at }),
    source: `${source}@${at}`,
  });

  for (;;) {
    // Blank lines between records.
    let lead = 0;
    while (lead < buf.length && (buf[lead] === 0x0d || buf[lead] === 0x0a)) lead++;
    consume(lead);
    if (!buf.length && !(await more())) return;
    if (buf.length < MAGIC.length && !ended) {
      await more();
      continue;
    }
    const at = base;
    if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      // Not a record start: say so once, then look for the next «WARC/1.» line.
      if (!resyncing)
        yield error('invalid-warc', `no WARC record starts at offset ${at}; skipping to the next record`, at);
      resyncing = true;
      const next = buf.indexOf('\nWARC/1.', 1);
      if (next >= 0) consume(next + 1);
      else if (ended) return;
      else {
        consume(Math.max(0, buf.length - MAGIC.length));
        await more();
      }
      continue;
    }
    resyncing = false;
    let end = headerEnd(buf, 0);
    while (end < 0 && buf.length <= MAX_HEADER && (await more())) end = headerEnd(buf, 0);
    if (end < 0) {
      if (ended) {
        yield error(
          'invalid-warc',
          `record ${recordNo + 1} at offset ${at} is cut off inside its header`,
          at,
        );
        return;
      }
      yield error(
        'invalid-warc',
        `record ${recordNo + 1} at offset ${at} has a header over ${MAX_HEADER} bytes`,
        at,
      );
      consume(MAGIC.length);
      continue;
    }
    recordNo++;
    const header = parseHeader(buf.subarray(0, end).toString('latin1'));
    const length = Number(header?.fields.get('content-length'));
    if (!header || !Number.isInteger(length) || length < 0) {
      yield error('invalid-warc', `record ${recordNo} at offset ${at} has no valid Content-Length`, at);
      consume(end);
      continue;
    }
    if (length > maxRecord) {
      yield error(
        'too-large',
        `record ${recordNo} at offset ${at} is ${length} bytes, over ${maxRecord}; skipped`,
        at,
      );
      const have = buf.length - end;
      if (have >= length) consume(end + length);
      else {
        skip = length - have;
        consume(buf.length);
      }
      continue;
    }
    while (buf.length < end + length && (await more()));
    if (buf.length < end + length) {
      yield error(
        'invalid-warc',
        `record ${recordNo} at offset ${at} declares ${length} bytes of content but the file ends after ${buf.length - end}: truncated`,
        at,
      );
      return;
    }
    const block = Buffer.from(buf.subarray(end, end + length));
    consume(end + length);
    const item = recordItem(header, block, `${source}@${at}`, options);
    if (item) yield item;
  }
}

/** The article a record holds, an error, or nothing (not a page). */
function recordItem(header: Header, block: Buffer, where: string, options: WarcOptions): WarcItem | null {
  const type = header.fields.get('warc-type')?.toLowerCase();
  const uri = header.fields.get('warc-target-uri')?.replace(/^<|>$/g, '');
  let body: Buffer;
  let contentType: string;
  if (type === 'response') {
    if (!/application\/http/i.test(header.fields.get('content-type') ?? 'application/http')) return null;
    const http = parseHttp(block);
    if (!http) {
      return {
        kind: 'error',
        error: new IsnadError('invalid-warc', `${where}: the HTTP response in the record cannot be read`),
        source: where,
      };
    }
    if (http.status < 200 || http.status >= 300) return null;
    contentType = http.headers.get('content-type') ?? '';
    try {
      body = decodeBody(http.body, http.headers);
    } catch (err) {
      return {
        kind: 'error',
        error: new IsnadError(
          'invalid-warc',
          `${where}: the page's body cannot be decoded: ${(err as Error).message}`,
        ),
        source: where,
      };
    }
  } else if (type === 'resource') {
    contentType = header.fields.get('content-type') ?? '';
    body = block;
  } else return null;
  if (!/html/i.test(contentType)) return null;
  try {
    const article = options.toArticle(body, where);
    return {
      kind: 'article',
      article: { ...article, meta: { ...article.meta, format: 'warc', ...(uri ? { url: uri } : {}) } },
      source: where,
    };
  } catch (err) {
    const e =
      err instanceof IsnadError ? err : new IsnadError('html-failed', `${where}: ${(err as Error).message}`);
    return { kind: 'error', error: e, source: where };
  }
}

function parseHttp(block: Buffer): { status: number; headers: Map<string, string>; body: Buffer } | null {
  const end = headerEnd(block, 0);
  if (end < 0) return null;
  const lines = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/[\d.]+\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), headers, body: block.subarray(end) };
}

/** Undo the transfer and content encodings a crawler may have kept (chunked; gzip, deflate, br). */
function decodeBody(body: Buffer, headers: Map<string, string>): Buffer {
  let out = body;
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) out = dechunk(out);
  const enc = (headers.get('content-encoding') ?? '').toLowerCase();
  const limit = { maxOutputLength: 64 * 1024 * 1024 };
  if (enc.includes('gzip')) out = gunzipSync(out, limit);
  else if (enc.includes('deflate')) out = inflateSync(out, limit);
  else if (enc.includes('br')) out = brotliDecompressSync(out, limit);
  return out;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  // Not chunked after all (a crawler that already joined the chunks): the body as it is.
  return parts.length ? Buffer.concat(parts) : body;
}
