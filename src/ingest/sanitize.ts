/**
 * The last step before text becomes an article: characters no text should
 * hold are replaced one-for-one with U+FFFD (so offsets never shift) and
 * reported, and bidi overrides, which can make a name read differently from
 * what it says, are reported but kept: the text is evidence, not ours to edit.
 */
import type { Diagnostic } from '../record/types.ts';
import { isBidiOverride } from '../text/chars.ts';

export interface Sanitized {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

const isBadControl = (c: number): boolean =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f;

// Anything the detailed scan below would look at; most texts have none, and a native
// regex search rejects them several times faster than a loop in JavaScript.
const SUSPECT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ud800-\udfff\u202a-\u202e\u2066-\u2069]/;

export function sanitizeText(text: string): Sanitized {
  if (!SUSPECT.test(text)) return { text, diagnostics: [] };
  let controls = 0;
  let firstControl = -1;
  let surrogates = 0;
  let firstSurrogate = -1;
  let bidi = 0;
  let firstBidi = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (isBadControl(c)) {
        controls++;
        if (firstControl < 0) firstControl = i;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const paired = c <= 0xdbff ? i + 1 < n && isLow(text.charCodeAt(i + 1)) : false;
      if (paired) i++;
      else {
        surrogates++;
        if (firstSurrogate < 0) firstSurrogate = i;
      }
    } else if (isBidiOverride(c)) {
      bidi++;
      if (firstBidi < 0) firstBidi = i;
    }
  }
  const diagnostics: Diagnostic[] = [];
  let out = text;
  if (controls || surrogates) {
    out = text
      .replace(LONE_SURROGATE, '\ufffd')
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '\ufffd');
  }
  if (controls) {
    diagnostics.push({
      code: 'control-characters',
      message: `${controls} control character(s) such as NUL replaced with U+FFFD (first at offset ${firstControl})`,
      start: firstControl,
      end: firstControl + 1,
    });
  }
  if (surrogates) {
    diagnostics.push({
      code: 'lone-surrogates',
      message: `${surrogates} unpaired UTF-16 surrogate(s) replaced with U+FFFD (first at offset ${firstSurrogate})`,
      start: firstSurrogate,
      end: firstSurrogate + 1,
    });
  }
  if (bidi) {
    diagnostics.push({
      code: 'bidi-control',
      message: `${bidi} bidi override/embedding/isolate character(s) (first at offset ${firstBidi}); displayed text may differ from its logical order`,
      start: firstBidi,
      end: firstBidi + 1,
    });
  }
  return { text: out, diagnostics };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
