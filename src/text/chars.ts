/**
 * Character knowledge about written Arabic, as data.
 *
 * Everything the text core knows about individual characters lives here, in
 * tables and tiny predicates over UTF-16 code units; the normalisation views,
 * the tokenizer and the sentence splitter only apply it. Keeping it in one
 * place means a new variant (another quotation mark, another hamza seat) is a
 * one-line change that every component sees.
 */

/** Harakat, tanween, shadda, sukun, superscript alef and Quranic annotation marks. */
export function isDiacritic(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) || // fathatan … wavy hamza below
    c === 0x0670 || // superscript alef
    (c >= 0x0610 && c <= 0x061a) || // honorifics and small high letters
    (c >= 0x06d6 && c <= 0x06dc) || // Quranic annotation signs
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed)
  );
}

export const TATWEEL = 0x0640;

/**
 * Letter folds used by search and matching: every alef with a hamza or madda
 * to bare alef, alef maksura and Farsi yeh to yeh, teh marbuta to heh, the
 * hamza seats on waw and yeh to their bare letters, and the Persian/Urdu
 * variants of kaf and heh that turn up in pasted text.
 */
export const LETTER_FOLDS: ReadonlyMap<number, number> = new Map([
  [0x0622, 0x0627], // آ → ا
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0671, 0x0627], // ٱ (wasla) → ا
  [0x0672, 0x0627], // ٲ → ا
  [0x0673, 0x0627], // ٳ → ا
  [0x0675, 0x0627], // ٵ → ا
  [0x0649, 0x064a], // ى → ي
  [0x06cc, 0x064a], // ی (Farsi yeh) → ي
  [0x06d2, 0x064a], // ے → ي
  [0x0629, 0x0647], // ة → ه
  [0x0624, 0x0648], // ؤ → و
  [0x0626, 0x064a], // ئ → ي
  [0x06a9, 0x0643], // ک (keheh) → ك
  [0x06be, 0x0647], // ھ → ه
  [0x06c1, 0x0647], // ہ → ه
  [0x06d5, 0x0647], // ە → ه
]);

/** Arabic-Indic (U+0660…) and Extended/Eastern Arabic-Indic (U+06F0…) digits. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}
export const isDigit = (c: number): boolean => digitValue(c) >= 0;

/** Characters that only separate digits inside a number: «1,500», «3.5», «٣٫٥», «١٬٥٠٠». */
export function isNumberSeparator(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c;
}

/**
 * Invisible formatting characters: bidi embeddings, overrides and isolates,
 * marks, zero-width joiners and spaces, the BOM, the soft hyphen. They change
 * how text is shown, never what it says, and they are how spoofed names are
 * built, so the strip-controls view removes them and ingest reports them.
 */
export function isFormatControl(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) || // ZWSP ZWNJ ZWJ LRM RLM
    (c >= 0x202a && c <= 0x202e) || // LRE RLE PDF LRO RLO
    (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
    (c >= 0x2066 && c <= 0x2069) || // LRI RLI FSI PDI
    c === 0x061c || // Arabic letter mark
    c === 0xfeff || // BOM / zero-width no-break space
    c === 0x00ad // soft hyphen
  );
}

/** The bidi controls that can reorder what a reader sees (overrides and embeddings, isolates). */
export function isBidiOverride(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** Arabic-script letters, including the presentation-form blocks. */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    isPresentationForm(c)
  );
}

/** Characters that may sit inside an Arabic word: letters, marks, tatweel. */
export const isArabicWordChar = (c: number): boolean => isArabicLetter(c) || isDiacritic(c) || c === TATWEEL;

/** Arabic Presentation Forms-A (U+FB50–FDFF) and -B (U+FE70–FEFF, but not the BOM). */
export function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

let presentationTable: Map<number, string> | null = null;
/**
 * The plain letters a presentation form stands for («ﻻ» → «لا», «ﷲ» → «الله»),
 * from Unicode's compatibility decomposition, or undefined when it has none.
 */
export function presentationFormExpansion(c: number): string | undefined {
  if (presentationTable === null) {
    presentationTable = new Map();
    for (const [lo, hi] of [
      [0xfb50, 0xfdff],
      [0xfe70, 0xfefc],
    ] as const) {
      for (let cp = lo; cp <= hi; cp++) {
        const ch = String.fromCharCode(cp);
        const nf = ch.normalize('NFKC');
        // Keep only expansions into Arabic; some slots are unassigned or decompose to spaces.
        if (nf !== ch && /[\u0600-\u06ff]/.test(nf)) presentationTable.set(cp, nf.trim());
      }
    }
  }
  return presentationTable.get(c);
}

export const isLatinLetter = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/**
 * Quotation marks. `open` marks only begin a quotation, `close` marks only end
 * one, `either` can do both. `closers` lists the marks that may end a
 * quotation this mark opened, the proper mirror first. Arabic sites use marks
 * loosely: guillemets flipped by right-to-left entry (»…«), the same curly
 * mark at both ends (”…”), straight marks everywhere; the later closers cover
 * that, and the pairing code prefers the mirror when one follows.
 */
export interface QuoteMarkInfo {
  readonly role: 'open' | 'close' | 'either';
  readonly closers: readonly string[];
}
export const QUOTE_MARKS: ReadonlyMap<string, QuoteMarkInfo> = new Map<string, QuoteMarkInfo>([
  ['«', { role: 'either', closers: ['»', '«'] }],
  ['»', { role: 'either', closers: ['«', '»'] }],
  ['“', { role: 'either', closers: ['”', '“'] }],
  ['”', { role: 'either', closers: ['“', '”'] }],
  ['„', { role: 'open', closers: ['“', '”'] }],
  ['‹', { role: 'either', closers: ['›', '‹'] }],
  ['›', { role: 'either', closers: ['‹', '›'] }],
  ['"', { role: 'either', closers: ['"'] }],
  ['＂', { role: 'either', closers: ['＂'] }],
  ['‘', { role: 'either', closers: ['’', '‘'] }],
  ['’', { role: 'close', closers: [] }],
  ["'", { role: 'either', closers: ["'"] }],
]);
export const isQuoteMark = (ch: string): boolean => QUOTE_MARKS.has(ch);

/** Sentence-final punctuation, Latin and Arabic. */
export const SENTENCE_TERMINATORS: ReadonlySet<string> = new Set([
  '.',
  '!',
  '?',
  '؟',
  '…',
  '۔',
  '‼',
  '⁉',
  '⁈',
]);

/** Arabic punctuation the tokenizer must treat as punctuation, not letters. */
export const ARABIC_PUNCTUATION: ReadonlySet<string> = new Set(['،', '؛', '؟', '٪', '۔', '؍', '٭', '؉', '؊']);

/** Brackets that close after a sentence terminator and stay with that sentence. */
export const CLOSING_BRACKETS: ReadonlySet<string> = new Set([')', ']', '}', '﴾', '﴿']);

/**
 * Abbreviations that end in a full stop without ending the sentence:
 * titles (د. دكتور, م. مهندس, أ. أستاذ), «ص.ب» (P.O. box), era markers
 * (ق.م, هـ), and common Latin ones. Single letters followed by a stop
 * (initials) are handled by rule in the sentence splitter.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'د',
  'م',
  'أ',
  'ا',
  'ص',
  'ب',
  'ق',
  'هـ',
  'ه',
  'ج',
  'ت',
  'س',
  'ش',
  'ع',
  'ف',
  'ك',
  'ل',
  'ن',
  'و',
  'ي',
  'إلخ',
  'الخ',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'St',
  'Jr',
  'Sr',
  'vs',
  'etc',
  'No',
  'Gen',
  'Col',
  'Lt',
  'Sgt',
  'Capt',
  'U.S',
  'U.N',
  'U.K',
  'e.g',
  'i.e',
]);

/**
 * Character classes for the hot loops, one table lookup per UTF-16 unit
 * instead of a chain of range tests. Built once from the predicates above, so
 * the predicates stay the single source of truth.
 */
export const CLS_OTHER = 0;
export const CLS_SPACE = 1;
/** an invisible format control */
export const CLS_CONTROL = 2;
export const CLS_ARABIC_LETTER = 3;
/** a diacritic or tatweel */
export const CLS_ARABIC_MARK = 4;
export const CLS_LATIN = 5;
export const CLS_DIGIT = 6;
export const CLS_QUOTE = 7;

export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isWhitespace(c)) table[c] = CLS_SPACE;
    else if (isFormatControl(c)) table[c] = CLS_CONTROL;
    else if (isArabicLetter(c)) table[c] = CLS_ARABIC_LETTER;
    else if (isDiacritic(c) || c === TATWEEL) table[c] = CLS_ARABIC_MARK;
    else if (isLatinLetter(c)) table[c] = CLS_LATIN;
    else if (isDigit(c)) table[c] = CLS_DIGIT;
  }
  for (const q of QUOTE_MARKS.keys()) table[q.charCodeAt(0)] = CLS_QUOTE;
  return table;
})();
