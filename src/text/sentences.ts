/**
 * Paragraphs, quotation-mark pairs and sentences.
 *
 * A paragraph is a non-blank line. Quotation marks are paired inside each
 * paragraph first (a stack, preferring each mark's proper mirror, tolerating
 * flipped guillemets and same-mark pairs), then marks left open at the end of
 * a paragraph are paired with marks left unmatched later on, because quotes
 * run across paragraphs. Sentences end at terminal punctuation that is not
 * inside a quotation, not an abbreviation and not an initial; a terminator
 * just before a closing mark ends the sentence after the mark. Marks that
 * find no partner are reported, never dropped.
 */
import {
  ABBREVIATIONS,
  CLOSING_BRACKETS,
  isArabicLetter,
  isLatinLetter,
  isWhitespace,
  QUOTE_MARKS,
  SENTENCE_TERMINATORS,
} from './chars.ts';
import type { Token } from './tokenize.ts';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}
export interface Paragraph extends TextSpan {
  readonly index: number;
}
export interface Sentence extends TextSpan {
  readonly index: number;
  readonly paragraph: number;
}
/** A pair of quotation marks: `open`/`close` are the marks' offsets; the content lies between. */
export interface QuotePair {
  readonly open: number;
  readonly close: number;
  readonly openMark: string;
  readonly closeMark: string;
  /** True when the pair spans more than one paragraph. */
  readonly crossesParagraphs: boolean;
}
export interface UnmatchedMark {
  readonly at: number;
  readonly mark: string;
}
export interface TextStructure {
  readonly paragraphs: Paragraph[];
  readonly sentences: Sentence[];
  readonly quotePairs: QuotePair[];
  readonly unmatchedMarks: UnmatchedMark[];
}

/** Split text into non-blank lines, trimmed of surrounding whitespace. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lineBreak = /[\n\r\u2028\u2029]/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isWhitespace(text.charCodeAt(s))) s++;
    while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
    if (!m) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

interface Mark {
  readonly at: number;
  readonly mark: string;
  readonly paragraph: number;
}

/** Is the mark at `at` an apostrophe inside a word («don't», «دي'») rather than a quotation mark? */
function isInnerApostrophe(text: string, at: number, mark: string): boolean {
  if (mark !== "'" && mark !== '’') return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 1);
  const letter = (c: number) => isLatinLetter(c) || isArabicLetter(c);
  return letter(before) && letter(after);
}

/** Pair quotation marks, paragraph by paragraph, then across paragraphs. */
export function pairQuoteMarks(
  text: string,
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
): { pairs: QuotePair[]; unmatched: UnmatchedMark[] } {
  const pairs: QuotePair[] = [];
  const leftovers: Mark[] = [];
  let t = 0;
  for (const para of paragraphs) {
    const marks: Mark[] = [];
    while (t < tokens.length && tokens[t]!.start < para.start) t++;
    for (; t < tokens.length && tokens[t]!.end <= para.end; t++) {
      const tok = tokens[t]!;
      if (tok.kind === 'quote' && !isInnerApostrophe(text, tok.start, tok.text)) {
        marks.push({ at: tok.start, mark: tok.text, paragraph: para.index });
      }
    }
    if (marks.length) pairWithin(marks, pairs, leftovers);
  }
  // Across paragraphs: an opener left at the end of one paragraph may close in a later one.
  const unmatched: UnmatchedMark[] = [];
  const stack: Mark[] = [];
  for (const m of leftovers) {
    const top = stack[stack.length - 1];
    const info = QUOTE_MARKS.get(m.mark)!;
    if (top && top.paragraph < m.paragraph && QUOTE_MARKS.get(top.mark)!.closers.includes(m.mark)) {
      stack.pop();
      pairs.push({
        open: top.at,
        close: m.at,
        openMark: top.mark,
        closeMark: m.mark,
        crossesParagraphs: true,
      });
    } else if (info.role !== 'close') stack.push(m);
    else unmatched.push({ at: m.at, mark: m.mark });
  }
  for (const m of stack) unmatched.push({ at: m.at, mark: m.mark });
  pairs.sort((a, b) => a.open - b.open);
  unmatched.sort((a, b) => a.at - b.at);
  return { pairs, unmatched };
}

function pairWithin(marks: readonly Mark[], pairs: QuotePair[], leftovers: Mark[]): void {
  // Last position of each mark character, to ask "does a proper mirror still follow?" in O(1).
  const lastAt = new Map<string, number>();
  for (const m of marks) lastAt.set(m.mark, m.at);
  const stack: Mark[] = [];
  const unmatched: Mark[] = [];
  for (const m of marks) {
    const info = QUOTE_MARKS.get(m.mark)!;
    const closesAt = findCloser(stack, m, lastAt);
    if (closesAt >= 0) {
      while (stack.length - 1 > closesAt) unmatched.push(stack.pop()!); // crossed pairs: inner ones are orphans
      const open = stack.pop()!;
      pairs.push({
        open: open.at,
        close: m.at,
        openMark: open.mark,
        closeMark: m.mark,
        crossesParagraphs: false,
      });
    } else if (info.role !== 'close') stack.push(m);
    else unmatched.push(m);
  }
  leftovers.push(...[...unmatched, ...stack].sort((a, b) => a.at - b.at));
}

/** Index in `stack` of the opener that mark `m` closes, or -1 when it opens a new quotation. */
function findCloser(stack: readonly Mark[], m: Mark, lastAt: ReadonlyMap<string, number>): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const opener = stack[k]!;
    const closers = QUOTE_MARKS.get(opener.mark)!.closers;
    const rank = closers.indexOf(m.mark);
    if (rank === 0) return k;
    // A secondary closer (the same mark again, a flipped guillemet) closes only when the
    // proper mirror does not come later in the paragraph; otherwise this mark nests.
    if (rank > 0) {
      const mirror = closers[0]!;
      if ((lastAt.get(mirror) ?? -1) < m.at) return k;
      return -1;
    }
    // Only look below the top for a proper mirror (crossed marks); anything else opens.
    if (QUOTE_MARKS.get(m.mark)!.role !== 'close') return -1;
  }
  return -1;
}

const isTerminator = (tok: Token): boolean =>
  tok.kind === 'punct' &&
  (SENTENCE_TERMINATORS.has(tok.text) || (tok.text.length > 1 && tok.text.charCodeAt(0) === 0x2e));

/** Does the full stop at token index `i` belong to an abbreviation or an initial («د.» «ص.ب» «ع.»)? */
function isAbbreviationStop(tokens: readonly Token[], i: number): boolean {
  const stop = tokens[i]!;
  if (stop.text !== '.') return false;
  const prev = tokens[i - 1];
  if (!prev || prev.end !== stop.start) return false;
  if (prev.kind === 'number') return false;
  if (ABBREVIATIONS.has(prev.text)) return true;
  if ((prev.kind === 'arabic' || prev.kind === 'latin') && prev.text.length === 1) return true;
  // «ص.ب»: a single letter, a stop, then another letter straight after.
  const next = tokens[i + 1];
  return (
    !!next &&
    next.start === stop.end &&
    next.kind === 'arabic' &&
    next.text.length <= 2 &&
    prev.text.length <= 2
  );
}

/** Split each paragraph into sentences, never inside a paired quotation. */
export function splitSentences(
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
  pairs: readonly QuotePair[],
): Sentence[] {
  const sentences: Sentence[] = [];
  // Quote depth changes at each paired mark: +1 at an opener, -1 at its closer.
  // Marks are visited in text order through two sorted cursors, not set lookups.
  const opens = pairs.map((p) => p.open).sort((a, b) => a - b);
  const closes = pairs.map((p) => p.close).sort((a, b) => a - b);
  let nextOpen = 0;
  let nextClose = 0;
  let t = 0;
  let depth = 0;
  for (const para of paragraphs) {
    while (t < tokens.length && tokens[t]!.start < para.start) t++;
    let sentenceStart = -1;
    let lastEnd = -1;
    let endedByTerminator = false;
    const flush = () => {
      if (sentenceStart >= 0) {
        sentences.push({
          start: sentenceStart,
          end: lastEnd,
          index: sentences.length,
          paragraph: para.index,
        });
      }
      sentenceStart = -1;
      endedByTerminator = false;
    };
    for (; t < tokens.length && tokens[t]!.end <= para.end; t++) {
      const tok = tokens[t]!;
      const kind = tok.kind;
      let isClose = false;
      let isOpen = false;
      if (kind === 'quote') {
        while (nextOpen < opens.length && opens[nextOpen]! < tok.start) nextOpen++;
        while (nextClose < closes.length && closes[nextClose]! < tok.start) nextClose++;
        isOpen = opens[nextOpen] === tok.start;
        isClose = closes[nextClose] === tok.start;
      }
      if (
        endedByTerminator &&
        depth === 0 &&
        !isClose &&
        !(kind === 'punct' && CLOSING_BRACKETS.has(tok.text))
      )
        flush();
      if (sentenceStart < 0) sentenceStart = tok.start;
      lastEnd = tok.end;
      if (isOpen) depth++;
      else if (isClose) {
        depth = Math.max(0, depth - 1);
        // «… انتهى.» — the terminator inside the marks ends the sentence after them.
        const prev = tokens[t - 1];
        if (depth === 0 && prev && isTerminator(prev)) endedByTerminator = true;
      } else if (kind === 'punct' && depth === 0 && isTerminator(tok) && !isAbbreviationStop(tokens, t)) {
        endedByTerminator = true;
      }
    }
    flush();
  }
  return sentences;
}

/** Paragraphs, quotation pairs and sentences of a tokenised text. */
export function analyseStructure(text: string, tokens: readonly Token[]): TextStructure {
  const paragraphs = splitParagraphs(text);
  const { pairs, unmatched } = pairQuoteMarks(text, tokens, paragraphs);
  const sentences = splitSentences(tokens, paragraphs, pairs);
  return { paragraphs, sentences, quotePairs: pairs, unmatchedMarks: unmatched };
}
