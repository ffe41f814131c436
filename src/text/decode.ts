/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE, Windows-1256 and
 * ISO-8859-6, declared or detected.
 *
 * Order of trust: a byte-order mark, then a declaration (HTTP header, HTML
 * meta) unless the bytes plainly contradict it, then strict UTF-8, then
 * whichever legacy Arabic decoding reads most like Arabic. Invalid bytes are
 * never fatal: they become U+FFFD and a diagnostic with a count and the first
 * offset.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../record/types.ts';
import { isArabicLetter } from './chars.ts';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export interface Decoded {
  readonly text: string;
  readonly encoding: EncodingName;
  /** How the encoding was chosen. */
  readonly method: 'bom' | 'declared' | 'valid-utf8' | 'detected';
  readonly diagnostics: Diagnostic[];
}

export interface DecodeOptions {
  /** A charset label from a declaration (`<meta charset>`, Content-Type); any WHATWG label. */
  readonly declared?: string;
}

const REPLACEMENT = 0xfffd;

/** Map a declared label to an encoding we decode, or undefined when unknown. */
export function resolveEncodingLabel(label: string): EncodingName | undefined {
  try {
    const name = new TextDecoder(label.trim().toLowerCase()).encoding;
    if (
      name === 'utf-8' ||
      name === 'utf-16le' ||
      name === 'utf-16be' ||
      name === 'windows-1256' ||
      name === 'iso-8859-6'
    ) {
      return name;
    }
    // Latin-1/ASCII declarations on Arabic pages are almost always a legacy Arabic page mislabelled.
    return undefined;
  } catch {
    return undefined;
  }
}

// The C1 range of ISO-8859-6 is unused in practice; legacy tools fill it with
// Windows-1256's punctuation (curly quotes, dashes, ellipsis), as Latin-1 pages
// use Windows-1252's. Reading it that way is what browsers do for Latin-1.
let c1From1256: string | null = null;
function windows1256C1(): string {
  if (c1From1256 === null) {
    const bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i++) bytes[i] = 0x80 + i;
    c1From1256 = new TextDecoder('windows-1256').decode(bytes);
  }
  return c1From1256;
}

function decodeWith(bytes: Uint8Array, encoding: EncodingName): string {
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  if (encoding !== 'iso-8859-6') return text;
  const c1 = windows1256C1();
  return text.replace(/[\u0080-\u009f]/g, (ch) => c1[ch.charCodeAt(0) - 0x80]!);
}

function detectBom(bytes: Uint8Array): EncodingName | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a BOM: Arabic and ASCII text in UTF-16 has a high byte of
 * 0x06 or 0x00 in nearly every code unit, on one side.
 */
function detectUtf16(bytes: Uint8Array): EncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    if (a === 0x00 || a === 0x06) evenHigh++;
    if (b === 0x00 || b === 0x06) oddHigh++;
  }
  const units = n / 2;
  if (oddHigh > 0.8 * units && evenHigh < 0.3 * units) return 'utf-16le';
  if (evenHigh > 0.8 * units && oddHigh < 0.3 * units) return 'utf-16be';
  return undefined;
}

// The commonest Arabic words in news; a right decoding is full of them, a wrong one has none.
const COMMON_WORDS = new Set([
  'في',
  'من',
  'على',
  'أن',
  'إلى',
  'عن',
  'التي',
  'مع',
  'الذي',
  'بعد',
  'ما',
  'إن',
  'بين',
  'لا',
  'هذا',
  'وقال',
  'هذه',
  'خلال',
  'قبل',
  'كان',
  'أو',
  'لم',
  'قد',
  'عام',
  'منذ',
  'كما',
  'الى',
  'ان',
  'قال',
  'وفي',
]);

/**
 * How much a decoding reads like Arabic text: common words and Arabic letters
 * count for it; replacement characters, C1 controls and stray Latin-1 letters
 * (what Arabic bytes become under the wrong table) count against it.
 */
export function arabicPlausibility(text: string): number {
  let score = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) score += 1;
    else if (c === REPLACEMENT) score -= 8;
    else if (c >= 0x80 && c <= 0x9f) score -= 8;
    else if (c >= 0xc0 && c <= 0xff) score -= 4;
  }
  for (const word of text.slice(0, n).split(/[\s\p{P}]+/u)) if (COMMON_WORDS.has(word)) score += 20;
  return score;
}

function countReplacements(text: string, from = 0): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = from; i < text.length; i++) {
    if (text.charCodeAt(i) === REPLACEMENT) {
      if (first < 0) first = i;
      count++;
    }
  }
  return { count, first };
}

function invalidBytesDiagnostic(text: string, encoding: EncodingName, baseline = 0): Diagnostic[] {
  const { count, first } = countReplacements(text);
  if (count <= baseline) return [];
  return [
    {
      code: 'invalid-bytes',
      message: `${count - baseline} byte sequence(s) are not valid ${encoding}; replaced with U+FFFD (first at offset ${first})`,
      start: first,
      end: first + 1,
    },
  ];
}

/** Decode bytes of Arabic text (or HTML) of unknown encoding. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = detectBom(bytes);
  if (bom) {
    const text = decodeWith(bytes, bom);
    return { text, encoding: bom, method: 'bom', diagnostics: invalidBytesDiagnostic(text, bom) };
  }

  const diagnostics: Diagnostic[] = [];
  if (options.declared) {
    const declared = resolveEncodingLabel(options.declared);
    if (declared) {
      const text = decodeWith(bytes, declared);
      const { count } = countReplacements(text);
      // Honour the declaration unless the bytes plainly contradict it.
      if (count <= Math.max(2, text.length * 0.002)) {
        return {
          text,
          encoding: declared,
          method: 'declared',
          diagnostics: invalidBytesDiagnostic(text, declared),
        };
      }
      diagnostics.push({
        code: 'charset-mismatch',
        message: `declared charset "${options.declared}" does not fit the bytes (${count} invalid sequences); detected instead`,
      });
    } else {
      diagnostics.push({
        code: 'unknown-charset',
        message: `declared charset "${options.declared}" is not an Arabic or Unicode encoding; detected instead`,
      });
    }
  }

  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = decodeWith(bytes, utf16);
    return {
      text,
      encoding: utf16,
      method: 'detected',
      diagnostics: [...diagnostics, ...invalidBytesDiagnostic(text, utf16)],
    };
  }

  // isUtf8 validates natively (SIMD) and toString is the fastest decoder: together
  // about twice as fast as a fatal TextDecoder on Arabic text.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text, encoding: 'utf-8', method: diagnostics.length ? 'detected' : 'valid-utf8', diagnostics };
  }

  let best: { text: string; encoding: EncodingName; score: number } | null = null;
  for (const encoding of ['utf-8', 'windows-1256', 'iso-8859-6'] as const) {
    const text = decodeWith(bytes, encoding);
    const score = arabicPlausibility(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  const chosen = best!;
  diagnostics.push({
    code: 'encoding-detected',
    message: `no declared encoding and not valid UTF-8; read as ${chosen.encoding}`,
  });
  diagnostics.push(...invalidBytesDiagnostic(chosen.text, chosen.encoding));
  return { text: chosen.text, encoding: chosen.encoding, method: 'detected', diagnostics };
}

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
  ['WebP/RIFF data', [0x52, 0x49, 0x46, 0x46]],
];

/**
 * Is this binary data rather than text? Known magic numbers, or many control
 * bytes that no text encoding produces (a few NULs alone are treated as a
 * damaged text file, not as binary). Returns what it looks like, or null.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  if (detectBom(bytes) || detectUtf16(bytes)) return null;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control > n * 0.1 ? 'binary data' : null;
}
