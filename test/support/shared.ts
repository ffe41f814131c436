/**
 * Access to ../shared/ (the founding article, the corpus) for tests that need
 * real articles. They are never copied into the repository; when the folder
 * is absent such tests skip with a message saying why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED_PATH = `${SHARED}seed/000_b6ea9fdc628bbb38.txt`;
export const CORPUS_SLICE = `${SHARED}corpus/ant-iraq-syria.jsonl`;

/** `false` when the file exists, else the skip message node:test prints. */
export function skipUnless(path: string): false | string {
  return existsSync(path) ? false : `needs ${path} (the shared folder is not beside this checkout)`;
}

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** Encode text in a single-byte legacy encoding by inverting Node's decoder; throws on unmappable characters. */
export function encodeSingleByte(
  text: string,
  encoding: 'windows-1256' | 'iso-8859-6',
  extraC1From?: 'windows-1256',
): Uint8Array {
  const table = new Map<string, number>();
  const fill = (enc: string, from: number, to: number) => {
    const d = new TextDecoder(enc);
    for (let b = from; b <= to; b++) {
      const ch = d.decode(Uint8Array.of(b));
      if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
    }
  };
  if (extraC1From) fill(extraC1From, 0x80, 0x9f);
  fill(encoding, 0, 255);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = table.get(text[i]!);
    if (b === undefined)
      throw new Error(
        `${JSON.stringify(text[i])} (U+${text.charCodeAt(i).toString(16)}) has no byte in ${encoding}`,
      );
    out[i] = b;
  }
  return out;
}

/** UTF-16 bytes with a BOM. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = endian === 'le' ? 0xff : 0xfe;
  out[1] = endian === 'le' ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + i * 2] = a;
    out[3 + i * 2] = b;
  }
  return out;
}
