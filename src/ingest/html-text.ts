/**
 * HTML to plain text in one linear pass, with paragraph breaks kept.
 *
 * Used on Readability's cleaned article HTML, and on whole pages when
 * Readability cannot be trusted with them (nesting so deep it would recurse
 * for minutes, or no article found). A scanner rather than a DOM: its cost is
 * linear in the input whatever the nesting, and it cannot overflow a stack.
 */

/** Elements whose content is never text a reader sees. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'head',
  'select',
  'textarea',
  'button',
]);
/** Page furniture, skipped when extracting from a whole page. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
/** Elements that break lines: their start and end are paragraph boundaries. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'section',
  'article',
  'blockquote',
  'pre',
  'main',
  'figure',
  'figcaption',
  'dd',
  'dt',
  'dl',
  'hr',
  'address',
  'center',
  'body',
  'header',
  'footer',
  'nav',
  'aside',
  'td',
  'th',
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bdquo: '„',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  deg: '°',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  para: '¶',
  sect: '§',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
};

/** Decode character references (named, decimal, hex); unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export interface HtmlTextOptions {
  /** Also skip nav/header/footer/aside/form: for whole pages rather than extracted articles. */
  readonly skipFurniture?: boolean;
}

const TAG =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;

/** The visible text of an HTML fragment or page: one paragraph a block, separated by blank lines. */
export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  const paragraphs: string[] = [];
  let current = '';
  const breakParagraph = () => {
    const p = current.replace(/[ \t\f\v\r\n\u00a0]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  let skipUntil: string | null = null; // the element whose end tag resumes output
  let skipDepth = 0;
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const chunk = html.slice(last, m.index);
    last = TAG.lastIndex;
    if (skipUntil === null && chunk) current += decodeEntities(chunk);
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[0][1] === '/';
    const selfClosing = m[2] === '/';
    if (skipUntil !== null) {
      if (name === skipUntil) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
        if (skipDepth === 0) skipUntil = null;
      }
      continue;
    }
    if (!closing && !selfClosing && (SKIPPED.has(name) || (options.skipFurniture && FURNITURE.has(name)))) {
      skipUntil = name;
      skipDepth = 1;
      continue;
    }
    if (BLOCKS.has(name)) breakParagraph();
  }
  if (skipUntil === null) current += decodeEntities(html.slice(last));
  breakParagraph();
  return paragraphs.join('\n\n');
}

/**
 * The deepest element nesting in a page, counting only elements that are
 * normally closed (unclosed <p> and <li> would inflate it). A cheap guard run
 * before any DOM work.
 */
export function maxNestingDepth(html: string): number {
  const counted = new Set([
    'div',
    'section',
    'article',
    'span',
    'table',
    'tbody',
    'tr',
    'td',
    'ul',
    'ol',
    'blockquote',
    'main',
    'header',
    'footer',
    'nav',
    'aside',
    'form',
    'a',
    'b',
    'i',
    'strong',
    'em',
    'font',
    'center',
    'figure',
  ]);
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (!counted.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
