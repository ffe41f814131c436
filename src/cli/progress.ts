/**
 * Progress of a long command on standard error: on a terminal, one line
 * redrawn in place (count, rate, share done, time left, errors so far); when
 * piped, a plain line every few seconds, so logs stay readable.
 */
import type { IngestProgress } from '../ingest/ingest.ts';

const PLAIN_EVERY_MS = 10_000;

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressLine(p: IngestProgress): string {
  const secs = Math.max(0.001, p.elapsedMs / 1000);
  const rate = (p.stored + p.present) / secs;
  const parts = [
    `${p.stored.toLocaleString('en')} stored`,
    `${p.present.toLocaleString('en')} already there`,
    `${rate.toFixed(0)} articles/s`,
  ];
  if (p.bytesTotal && p.bytesRead > 0 && !p.done) {
    const share = Math.min(1, p.bytesRead / p.bytesTotal);
    parts.push(`${(share * 100).toFixed(0)}% read`);
    if (share > 0.01) parts.push(`ETA ${formatDuration((p.elapsedMs / share) * (1 - share))}`);
  }
  parts.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
  if (p.done) parts.push(`in ${formatDuration(p.elapsedMs)}`);
  return `ingest: ${parts.join(' · ')}`;
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: IngestProgress) => void {
  let lastPlain = 0;
  return (p) => {
    if (stream.isTTY) {
      stream.write(`\r\u001b[2K${progressLine(p)}${p.done ? '\n' : ''}`);
      return;
    }
    if (p.done || p.elapsedMs - lastPlain >= PLAIN_EVERY_MS) {
      lastPlain = p.elapsedMs;
      stream.write(`${progressLine(p)}\n`);
    }
  };
}
