/**
 * Inputs to articles: paths (or `-` for standard input) in the order given,
 * each read by its kind — plain text, a web page, or JSON Lines (optionally
 * gzipped) with one article a line. Every input yields either articles or an
 * error item naming its source, so a batch always goes on past a bad file.
 */
import { createReadStream, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Article } from '../analyze/doc.ts';
import { boundMeta } from '../analyze/meta.ts';
import { asIsnadError, IsnadError } from '../errors.ts';
import type { Diagnostic, Meta } from '../record/types.ts';
import { decodeBytes, sniffBinary } from '../text/decode.ts';
import { articlesFromFeed, looksLikeFeed } from './feeds.ts';
import { guardedGunzip } from './gzip.ts';
import { decodeHtml, htmlToArticle } from './html.ts';
import { sanitizeText } from './sanitize.ts';
import { readWarc } from './warc.ts';

export type InputKind = 'text' | 'html' | 'jsonl' | 'jsonl.gz' | 'feed' | 'warc' | 'warc.gz';

export type InputItem =
  | { readonly kind: 'article'; readonly article: Article; readonly source: string }
  | { readonly kind: 'error'; readonly error: IsnadError; readonly source: string };

export interface InputOptions {
  /** Largest file (or stdin) read whole, in bytes; JSONL is streamed and limited per line. */
  readonly maxBytes?: number;
  /** Standard input, for `-` (defaults to process.stdin). */
  readonly stdin?: Readable;
  /** A directory is an error (extract) or read for every file inside it, recursively (ingest). */
  readonly directories?: 'error' | 'expand';
  /** Told how many bytes of input were read (for progress). */
  readonly onRead?: (bytes: number) => void;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** The kind of an input, from its name. */
export function kindFromName(name: string): InputKind | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.warc.gz')) return 'warc.gz';
  if (n.endsWith('.warc')) return 'warc';
  if (n.endsWith('.rss') || n.endsWith('.atom') || n.endsWith('.xml')) return 'feed';
  if (n.endsWith('.jsonl.gz') || n.endsWith('.ndjson.gz')) return 'jsonl.gz';
  if (n.endsWith('.jsonl') || n.endsWith('.ndjson')) return 'jsonl';
  if (n.endsWith('.html') || n.endsWith('.htm') || n.endsWith('.xhtml')) return 'html';
  if (n.endsWith('.txt') || n.endsWith('.text')) return 'text';
  return undefined;
}

/** The kind of unnamed bytes (stdin, unknown extensions), from how they begin. */
export function kindFromContent(bytes: Uint8Array): InputKind {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'jsonl.gz';
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\ufeff/, '')
    .trimStart();
  if (head.startsWith('WARC/1.')) return 'warc';
  if (looksLikeFeed(head)) return 'feed';
  if (/^<(!doctype\s+html|html|head|body|meta|div|p|article)\b/i.test(head)) return 'html';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0]!;
    try {
      const v = JSON.parse(firstLine) as unknown;
      if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') return 'jsonl';
    } catch {
      // a long first line may be cut at 2 KB; fall through to the looser test
    }
    if (/^\{\s*"[^"]+"\s*:/.test(firstLine)) return 'jsonl';
  }
  return 'text';
}

/** Read every input in order, yielding its articles or an error item. */
export async function* readInputs(
  paths: readonly string[],
  options: InputOptions = {},
): AsyncGenerator<InputItem> {
  for (const path of paths) {
    try {
      // Metadata bounded before the article's id is taken from its URL (meta.ts).
      for await (const item of readInput(path, options)) {
        if (item.kind !== 'article') yield item;
        else {
          const { meta, diagnostics } = boundMeta(item.article.meta);
          yield diagnostics.length
            ? {
                ...item,
                article: {
                  ...item.article,
                  meta,
                  diagnostics: [...(item.article.diagnostics ?? []), ...diagnostics],
                },
              }
            : item;
        }
      }
    } catch (err) {
      yield { kind: 'error', error: asIsnadError(err, 'read-failed', { file: path }), source: path };
    }
  }
}

async function* readInput(path: string, options: InputOptions): AsyncGenerator<InputItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-') {
    const bytes = await readStream(options.stdin ?? process.stdin, maxBytes, path);
    yield* fromBytes(bytes, kindFromContent(bytes), path);
    return;
  }
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new IsnadError('not-found', `no such file: ${path}`, { file: path });
    throw new IsnadError(
      'read-failed',
      `cannot read ${path}: ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  }
  if (info.isDirectory()) {
    if (options.directories !== 'expand')
      throw new IsnadError('is-directory', `${path} is a directory; give the files inside it`, {
        file: path,
      });
    for (const file of await filesIn(path)) {
      try {
        yield* readInput(file, options);
      } catch (err) {
        yield { kind: 'error', error: asIsnadError(err, 'read-failed', { file }), source: file };
      }
    }
    return;
  }
  if (!info.isFile())
    throw new IsnadError('unsupported-input', `${path} is not a regular file`, { file: path });
  const named = kindFromName(path);
  if (named === 'jsonl' || named === 'jsonl.gz') {
    yield* readJsonl(counted(createReadStream(path), options), named === 'jsonl.gz', path, maxBytes);
    return;
  }
  if (named === 'warc' || named === 'warc.gz') {
    yield* readWarc(counted(createReadStream(path), options), path, {
      gzipped: named === 'warc.gz',
      toArticle: articleFromHtmlBytes,
    });
    return;
  }
  if (info.size > maxBytes) {
    throw new IsnadError(
      'too-large',
      `${path} is ${info.size} bytes, over the limit of ${maxBytes}; raise --max-bytes to read it`,
      { file: path },
    );
  }
  const bytes = await readFile(path);
  options.onRead?.(bytes.length);
  const kind = named ?? kindFromContent(bytes);
  yield* fromBytes(bytes, kind, path);
}

/** Files under a directory, recursively, in name order; hidden files and folders are passed over. */
async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && (kindFromName(e.name) || !extname(e.name))) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

/** The stream, telling `onRead` of each chunk. */
function counted(stream: Readable, options: InputOptions): Readable {
  const onRead = options.onRead;
  if (onRead) stream.on('data', (c: Buffer) => onRead(c.length));
  return stream;
}

async function* fromBytes(bytes: Uint8Array, kind: InputKind, source: string): AsyncGenerator<InputItem> {
  if (kind === 'feed') {
    for (const item of articlesFromFeed(bytes, source)) {
      if (item.article) yield { kind: 'article', article: item.article, source: item.source };
      else yield { kind: 'error', error: item.error!, source: item.source };
    }
    return;
  }
  if (kind === 'warc' || kind === 'warc.gz') {
    const { Readable } = await import('node:stream');
    yield* readWarc(Readable.from([Buffer.from(bytes)]), source, {
      gzipped: kind === 'warc.gz',
      toArticle: articleFromHtmlBytes,
    });
    return;
  }
  if (kind === 'jsonl' || kind === 'jsonl.gz') {
    const { Readable } = await import('node:stream');
    yield* readJsonl(
      Readable.from([Buffer.from(bytes)]),
      kind === 'jsonl.gz',
      source,
      Number.POSITIVE_INFINITY,
    );
    return;
  }
  yield {
    kind: 'article',
    article: kind === 'html' ? articleFromHtmlBytes(bytes, source) : articleFromTextBytes(bytes, source),
    source,
  };
}

function checkBytes(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0) throw new IsnadError('empty-input', `${source} is empty`, { file: source });
  const binary = sniffBinary(bytes);
  if (binary) {
    throw new IsnadError('binary-input', `${source} looks like ${binary}, not text or HTML`, {
      file: source,
    });
  }
}

function finish(text: string, meta: Partial<Meta>, diagnostics: Diagnostic[], source: string): Article {
  const clean = sanitizeText(text);
  if (!clean.text.trim()) throw new IsnadError('empty-input', `${source} holds no text`, { file: source });
  return { text: clean.text, meta, diagnostics: [...diagnostics, ...clean.diagnostics] };
}

/** A plain-text file's bytes as an article. */
export function articleFromTextBytes(bytes: Uint8Array, source: string): Article {
  checkBytes(bytes, source);
  const d = decodeBytes(bytes);
  // A leading BOM is part of the encoding, not of the text.
  const text = d.text.charCodeAt(0) === 0xfeff ? d.text.slice(1) : d.text;
  return finish(text, { encoding: d.encoding, format: 'text', source }, d.diagnostics, source);
}

/** A web page's bytes as an article. */
export function articleFromHtmlBytes(bytes: Uint8Array, source: string): Article {
  checkBytes(bytes, source);
  const { html, encoding, diagnostics } = decodeHtml(bytes);
  const page = htmlToArticle(html);
  return finish(
    page.text,
    { ...page.meta, encoding, format: 'html', source },
    [...diagnostics, ...page.diagnostics],
    source,
  );
}

/** The fields a JSONL line may carry; only `text` is required. */
interface JsonlArticle {
  text?: unknown;
  id?: unknown;
  url?: unknown;
  title?: unknown;
  outlet?: unknown;
  published?: unknown;
  [other: string]: unknown;
}

/** One JSONL line's object as an article, or an error saying what is wrong with it. */
export function articleFromJson(value: unknown, source: string): Article {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new IsnadError('invalid-article', 'the line is not a JSON object', { file: source });
  }
  const o = value as JsonlArticle;
  if (typeof o.text !== 'string') {
    throw new IsnadError('invalid-article', 'the article has no "text" string', { file: source });
  }
  const meta: Partial<Meta> = { format: 'jsonl', source };
  for (const key of ['title', 'outlet', 'url', 'published'] as const) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) meta[key] = v.trim();
  }
  if (typeof o.id === 'string' || typeof o.id === 'number') meta.sourceId = String(o.id);
  meta.encoding = 'utf-8';
  // JSON Lines are read as UTF-8, where invalid bytes silently become U+FFFD: say so.
  const diagnostics: Diagnostic[] = [];
  const bad = o.text.indexOf('\ufffd');
  if (bad >= 0) {
    diagnostics.push({
      code: 'replacement-characters',
      message: `the text holds U+FFFD replacement characters (first at offset ${bad}): invalid bytes in the input or in what it was made from`,
      start: bad,
      end: bad + 1,
    });
  }
  return finish(o.text, meta, diagnostics, source);
}

async function* readJsonl(
  stream: Readable,
  gzipped: boolean,
  source: string,
  maxLineBytes: number,
): AsyncGenerator<InputItem> {
  const input = gzipped ? guardedGunzip(stream, source) : stream;
  const failure: { error?: Error } = {};
  stream.on('error', (e) => {
    failure.error = e;
  });
  input.on('error', (e) => {
    failure.error = e;
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\ufeff/, '') : raw;
      if (!line.trim()) continue;
      const where = `${source}:${lineNo}`;
      try {
        if (line.length > maxLineBytes) {
          throw new IsnadError('too-large', `line ${lineNo} is over ${maxLineBytes} characters`, {
            file: source,
            line: lineNo,
          });
        }
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          throw new IsnadError('invalid-json', `line ${lineNo} is not JSON: ${(err as Error).message}`, {
            file: source,
            line: lineNo,
          });
        }
        yield { kind: 'article', article: articleFromJson(value, where), source: where };
      } catch (err) {
        yield {
          kind: 'error',
          error: asIsnadError(err, 'invalid-article', { file: source, line: lineNo }),
          source: where,
        };
      }
    }
  } catch (err) {
    failure.error ??= err as Error;
  }
  if (failure.error instanceof IsnadError) throw failure.error;
  if (failure.error) {
    const gz = gzipped && /incorrect header|unexpected end|invalid/i.test(failure.error.message);
    throw new IsnadError(
      'read-failed',
      `${source}: ${gz ? 'damaged gzip data' : 'read failed'} after line ${lineNo}: ${failure.error.message}`,
      { file: source, line: lineNo },
      { cause: failure.error },
    );
  }
}

async function readStream(stream: Readable, maxBytes: number, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      throw new IsnadError(
        'too-large',
        `${source} is over the limit of ${maxBytes} bytes; raise --max-bytes to read it`,
        { file: source },
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
