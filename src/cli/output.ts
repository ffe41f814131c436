/**
 * Writing lines to standard output with backpressure, and leaving quietly when
 * the reader goes away (`isnad extract … | head`).
 */
import type { Writable } from 'node:stream';

export class LineWriter {
  private closed = false;

  constructor(private readonly out: Writable = process.stdout) {
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') {
        this.closed = true;
        process.exit(process.exitCode ?? 0);
      }
      throw err;
    });
  }

  /** Write one line; resolves when the stream can take more. */
  async line(s: string): Promise<void> {
    if (this.closed) return;
    if (!this.out.write(s + '\n')) {
      await new Promise<void>((resolve) => this.out.once('drain', resolve));
    }
  }
}
