import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeSingleByte, encodeUtf16, readSeed, SEED_PATH, skipUnless } from '../../test/support/shared.ts';
import { decodeBytes, resolveEncodingLabel, sniffBinary } from './decode.ts';

const sample =
  'قال الوزير، في بيان: إن الحكومة العراقية تعتزم توجيه ضربات جوية جديدة في العمق السوري خلال الفترة المقبلة.';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    assert.deepEqual(pick(decodeBytes(utf8(sample))), [sample, 'utf-8', 'valid-utf8']);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]);
    assert.deepEqual(pick(decodeBytes(withBom)), [sample, 'utf-8', 'bom']);
  });
  it('reads UTF-16 LE and BE by their BOM', () => {
    assert.deepEqual(pick(decodeBytes(encodeUtf16(sample, 'le'))), [sample, 'utf-16le', 'bom']);
    assert.deepEqual(pick(decodeBytes(encodeUtf16(sample, 'be'))), [sample, 'utf-16be', 'bom']);
  });
  it('recognises UTF-16 without a BOM', () => {
    const le = encodeUtf16(sample, 'le').subarray(2);
    assert.deepEqual(pick(decodeBytes(le)), [sample, 'utf-16le', 'detected']);
  });
  it('detects Windows-1256 and ISO-8859-6 by how Arabic they read', () => {
    assert.deepEqual(pick(decodeBytes(encodeSingleByte(sample, 'windows-1256'))), [
      sample,
      'windows-1256',
      'detected',
    ]);
    assert.deepEqual(pick(decodeBytes(encodeSingleByte(sample, 'iso-8859-6'))), [
      sample,
      'iso-8859-6',
      'detected',
    ]);
  });
  it('honours a declared charset', () => {
    const bytes = encodeSingleByte(sample, 'windows-1256');
    assert.deepEqual(pick(decodeBytes(bytes, { declared: 'cp1256' })), [sample, 'windows-1256', 'declared']);
  });
  it('overrides a declaration the bytes contradict, and says so', () => {
    const d = decodeBytes(encodeSingleByte(sample, 'windows-1256'), { declared: 'utf-8' });
    assert.equal(d.text, sample);
    assert.ok(d.diagnostics.some((x) => x.code === 'charset-mismatch'));
  });
  it('turns invalid bytes in UTF-8 into U+FFFD and a diagnostic', () => {
    const bytes = new Uint8Array([
      ...utf8('قال الوزير في بيان إن '),
      0xff,
      0xfe,
      ...utf8(' الحكومة من على في'),
    ]);
    const d = decodeBytes(bytes);
    assert.equal(d.encoding, 'utf-8');
    assert.ok(d.text.includes('\ufffd'));
    const diag = d.diagnostics.find((x) => x.code === 'invalid-bytes');
    assert.ok(diag, 'invalid-bytes diagnostic');
    assert.equal(d.text[diag.start!], '\ufffd');
  });
  it('resolves labels', () => {
    assert.equal(resolveEncodingLabel('Windows-1256'), 'windows-1256');
    assert.equal(resolveEncodingLabel('arabic'), 'iso-8859-6');
    assert.equal(resolveEncodingLabel('no-such'), undefined);
  });
});

describe('the founding article in every encoding', { skip: skipUnless(SEED_PATH) }, () => {
  it('decodes to the identical text from Windows-1256, ISO-8859-6, UTF-16LE and UTF-16BE', () => {
    const seed = readSeed();
    // ISO-8859-6 has no curly quotes; legacy tools put Windows-1256's in its unused C1 range, and so does this encoder.
    const encodings: [string, Uint8Array][] = [
      ['windows-1256', encodeSingleByte(seed, 'windows-1256')],
      ['iso-8859-6', encodeSingleByte(seed, 'iso-8859-6', 'windows-1256')],
      ['utf-16le', encodeUtf16(seed, 'le')],
      ['utf-16be', encodeUtf16(seed, 'be')],
    ];
    for (const [name, bytes] of encodings) {
      const d = decodeBytes(bytes);
      assert.equal(d.encoding, name);
      assert.equal(d.text.replace(/^\ufeff/, ''), seed, `${name} round-trips`);
    }
  });
});

describe('sniffBinary', () => {
  it('knows images and archives by their magic numbers', () => {
    assert.equal(
      sniffBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      'PNG image',
    );
    assert.equal(sniffBinary(new Uint8Array([0x1f, 0x8b, 8, 0])), 'gzip data');
  });
  it('treats text with a few NULs as text', () => {
    assert.equal(sniffBinary(new Uint8Array([...utf8(sample), 0, ...utf8(sample)])), null);
  });
  it('treats mostly-control bytes as binary', () => {
    assert.equal(sniffBinary(new Uint8Array(200).map((_, i) => i % 7)), 'binary data');
  });
});

function pick(d: ReturnType<typeof decodeBytes>) {
  return [d.text.replace(/^\ufeff/, ''), d.encoding, d.method];
}
