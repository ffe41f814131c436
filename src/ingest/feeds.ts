/**
 * RSS and Atom feed files as articles: one per item, its text from the
 * item's content (or its description when that is all there is), read as
 * HTML, with the item's title, link and date as metadata.
 *
 * A feed has no use for a document type's internal subset, and entity
 * declarations there are how "billion laughs" expands a small file into
 * gigabytes: the internal subset is removed before parsing (its entities then
 * stay as written), and said in a diagnostic.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Article } from '../analyze/doc.ts';
import { IsnadError } from '../errors.ts';
import type { Diagnostic } from '../record/types.ts';
import { decodeBytes } from '../text/decode.ts';
import { htmlToText } from './html-text.ts';
import { sanitizeText } from './sanitize.ts';

/** An item's title longer than this is cut (a title is a line, not a text). */
const MAX_TITLE = 1000;

export interface FeedItemResult {
  readonly article?: Article;
  readonly error?: IsnadError;
  /** path#item-number, for messages and the errors table. */
  readonly source: string;
}

/** Does this text look like an RSS or Atom document? */
export function looksLikeFeed(head: string): boolean {
  const h = head
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048);
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(h);
}

export function articlesFromFeed(bytes: Uint8Array, source: string): FeedItemResult[] {
  const decoded = decodeBytes(bytes);
  let xml = decoded.text.replace(/^\ufeff/, '');
  const diagnostics: Diagnostic[] = [];
  const doctype = /<!DOCTYPE[^>[]*\[[\s\S]*?\]\s*>/i;
  if (doctype.test(xml)) {
    xml = xml.replace(doctype, '');
    diagnostics.push({
      code: 'feed-doctype-removed',
      message:
        'the feed declared a document type with an internal subset (entity declarations); it was removed unread',
    });
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw new IsnadError(
      'invalid-feed',
      `${source} is not a readable RSS or Atom feed: ${(err as Error).message}`,
      {
        file: source,
      },
    );
  }
  const outlet = feed.title ?? undefined;
  return feed.items.map((item, k): FeedItemResult => {
    const where = `${source}#${k + 1}`;
    try {
      const html = item.content ?? item.description ?? '';
      // An item's content is a fragment of a page's article: its text is all of it.
      const text = htmlToText(html).trim();
      const clean = sanitizeText(text);
      if (!clean.text.trim())
        throw new IsnadError('empty-input', `item ${k + 1} of ${source} holds no text`, { file: source });
      let title = item.title?.trim() || undefined;
      const itemDiagnostics: Diagnostic[] = [...diagnostics, ...decoded.diagnostics, ...clean.diagnostics];
      if (title && title.length > MAX_TITLE) {
        itemDiagnostics.push({
          code: 'title-cut',
          message: `the item's title was ${title.length} characters; cut to ${MAX_TITLE}`,
        });
        title = title.slice(0, MAX_TITLE);
      }
      const published = item.published ?? item.updated;
      return {
        source: where,
        article: {
          text: clean.text,
          meta: {
            format: 'feed',
            source: where,
            encoding: decoded.encoding,
            ...(title ? { title } : {}),
            ...(item.url ? { url: item.url } : {}),
            ...(outlet ? { outlet } : {}),
            ...(published && !Number.isNaN(published.getTime())
              ? { published: published.toISOString() }
              : {}),
          },
          diagnostics: itemDiagnostics,
        },
      };
    } catch (err) {
      return {
        source: where,
        error:
          err instanceof IsnadError
            ? err
            : new IsnadError('invalid-feed', `item ${k + 1} of ${source}: ${(err as Error).message}`, {
                file: source,
              }),
      };
    }
  });
}
