/**
 * Gunzip for inputs (.jsonl.gz, .warc.gz) that a small file cannot turn into
 * an endless one: the output is counted against what was read, and reading
 * stops with a clear error once it passes both a size floor and a ratio no
 * real news archive reaches (text compresses some 5–10 times; a gzip bomb a
 * thousand times and more). Concatenated gzip members (WARC's one member per
 * record) are read as one stream.
 */
import { PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IsnadError } from '../errors.ts';

export interface GunzipLimits {
  /** Output below this many bytes is never stopped. */
  readonly floorBytes?: number;
  /** Output over this many times the compressed input read so far is a bomb. */
  readonly maxRatio?: number;
}

export const DEFAULT_GUNZIP_LIMITS: Required<GunzipLimits> = { floorBytes: 256 * 1024 * 1024, maxRatio: 200 };

/** The decompressed stream of `input`; it errors with a `too-large` IsnadError past the limits. */
export function guardedGunzip(input: Readable, source: string, limits: GunzipLimits = {}): Readable {
  const { floorBytes, maxRatio } = { ...DEFAULT_GUNZIP_LIMITS, ...limits };
  let readIn = 0;
  let readOut = 0;
  const counter = new PassThrough();
  counter.on('data', (c: Buffer) => {
    readIn += c.length;
  });
  const gunzip = createGunzip();

  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      readOut += chunk.length;
      if (readOut > floorBytes && readOut > maxRatio * Math.max(1, readIn)) {
        done(
          new IsnadError(
            'too-large',
            `${source}: gzip data expands past ${Math.round(readOut / 1e6)} MB from ${Math.round(readIn / 1e3)} KB read (over ${maxRatio}×): stopped as a likely gzip bomb`,
            { file: source },
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  // pipeline() tears the whole chain down on the first error, which then surfaces on `guard`.
  return pipeline(input, counter, gunzip, guard, () => undefined);
}
