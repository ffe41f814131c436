/**
 * Web pages to articles: charset from the page, main content by Readability
 * (over linkedom, no browser), and the metadata news pages carry — title,
 * site name as outlet, canonical URL, publication date from meta tags or
 * JSON-LD.
 *
 * Readability is super-linear in nesting depth (a 1,000-deep page takes it
 * tens of seconds and 10,000 overflows the stack), so pages nested deeper
 * than MAX_READABILITY_DEPTH, and pages where it finds no article, are read
 * with the linear extractor instead, with a diagnostic saying so.
 */
import { createRequire } from 'node:module';
import type { Diagnostic, Meta } from '../record/types.ts';
import { decodeBytes } from '../text/decode.ts';
import { decodeEntities, htmlToText, maxNestingDepth } from './html-text.ts';

// The DOM and Readability load on the first page read: most runs read no HTML,
// and they would add a quarter of a second to every start.
const require = createRequire(import.meta.url);
let dom: {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
} | null = null;
function loadDom() {
  dom ??= {
    parseHTML: require('linkedom').parseHTML,
    Readability: require('@mozilla/readability').Readability,
  };
  return dom;
}

export const MAX_READABILITY_DEPTH = 200;
const MAX_READABILITY_ELEMENTS = 60_000;
/** Readability's article must hold at least this many characters to be preferred. */
const MIN_ARTICLE_CHARS = 80;

export interface HtmlArticle {
  readonly text: string;
  readonly meta: Partial<Meta>;
  readonly diagnostics: Diagnostic[];
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv Content-Type). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const direct = /<meta\s[^>]*charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)/i.exec(head);
  if (direct) return direct[1];
  const xml = /<\?xml\s[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)/i.exec(head);
  return xml?.[1];
}

/** Decode a page's bytes, honouring its declared charset. */
export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string; diagnostics: Diagnostic[] } {
  const declared = sniffHtmlCharset(bytes);
  const d = decodeBytes(bytes, declared ? { declared } : {});
  return { html: d.text, encoding: d.encoding, diagnostics: d.diagnostics };
}

/** Parse the attributes of one start tag into a lower-cased map. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([a-zA-Z_:][a-zA-Z0-9_:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) {
    out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  return out;
}

interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
}

/** Facts from JSON-LD blocks, looking through @graph arrays; malformed blocks are ignored. */
function jsonLdFacts(html: string): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const re = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    let data: unknown;
    try {
      data = JSON.parse(m[1]!);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let k = 0; k < queue.length && k < 200; k++) {
      const node = queue[k];
      if (Array.isArray(node)) queue.push(...node);
      else if (node && typeof node === 'object') {
        const o = node as { [key: string]: unknown };
        if (typeof o.headline === 'string') facts.headline ??= o.headline;
        if (typeof o.datePublished === 'string') facts.datePublished ??= o.datePublished;
        if (typeof o.url === 'string' && (o.datePublished || o.headline)) facts.url ??= o.url;
        const pub = o.publisher as { name?: unknown } | undefined;
        if (pub && typeof pub.name === 'string') facts.publisher ??= pub.name;
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return facts;
}

/** Title, outlet, canonical URL and publication date from the page's markup. */
export function extractHtmlMeta(html: string): Partial<Meta> {
  const metas = new Map<string, string>();
  const head = html.length > 2_000_000 ? html.slice(0, 2_000_000) : html;
  for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.get('property') ?? a.get('name') ?? a.get('itemprop') ?? '').toLowerCase();
    const content = a.get('content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  let canonical: string | undefined;
  for (const m of head.matchAll(/<link\s[^>]*>/gi)) {
    const a = attributes(m[0]);
    if ((a.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical') && a.get('href')) {
      canonical = a.get('href');
      break;
    }
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  const timeTag = /<time\b[^>]*datetime\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const ld = jsonLdFacts(head);
  const clean = (s: string | undefined) => {
    const t = s ? decodeEntities(s).replace(/\s+/g, ' ').trim() : '';
    return t || undefined;
  };
  const meta: Partial<Meta> = {};
  const title = clean(metas.get('og:title') ?? metas.get('twitter:title') ?? ld.headline ?? titleTag);
  const outlet = clean(metas.get('og:site_name') ?? metas.get('application-name') ?? ld.publisher);
  const url = clean(canonical ?? metas.get('og:url') ?? ld.url);
  const published = clean(
    metas.get('article:published_time') ??
      metas.get('datepublished') ??
      metas.get('pubdate') ??
      metas.get('publishdate') ??
      metas.get('publish-date') ??
      metas.get('dc.date.issued') ??
      metas.get('date') ??
      ld.datePublished ??
      timeTag,
  );
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet;
  if (url) meta.url = url;
  if (published) meta.published = published;
  return meta;
}

/** The main text of a page, by Readability when it is safe and finds an article. */
export function extractHtmlText(html: string): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const depth = maxNestingDepth(html);
  if (depth > MAX_READABILITY_DEPTH) {
    diagnostics.push({
      code: 'html-too-deep',
      message: `page nests elements ${depth} deep (limit ${MAX_READABILITY_DEPTH} for article extraction); read with the linear extractor, boilerplate may remain`,
    });
    return { text: htmlToText(html, { skipFurniture: true }), diagnostics };
  }
  try {
    const { parseHTML, Readability } = loadDom();
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
      charThreshold: 200,
    }).parse();
    if (article?.content) {
      const text = htmlToText(article.content);
      if (text.length >= MIN_ARTICLE_CHARS) return { text, diagnostics };
    }
    diagnostics.push({
      code: 'no-article-found',
      message: 'no main article found in the page; read all its visible text',
    });
  } catch (err) {
    diagnostics.push({
      code: 'html-extraction-fallback',
      message: `article extraction failed (${err instanceof Error ? err.message : String(err)}); read all visible text`,
    });
  }
  return { text: htmlToText(html, { skipFurniture: true }), diagnostics };
}

/** A decoded page to an article: main text, metadata, diagnostics. */
export function htmlToArticle(html: string): HtmlArticle {
  const meta = extractHtmlMeta(html);
  const { text, diagnostics } = extractHtmlText(html);
  return { text, meta, diagnostics };
}
