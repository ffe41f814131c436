/**
 * The demo: when the shared corpus is beside the project (../shared/corpus),
 * the UI offers to load its Iraq–Syria slice. Loading is an ordinary ingest
 * (idempotent, errors recorded), run in the background with one analysis
 * thread fewer than the cores, so the server keeps answering meanwhile.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { packageRoot } from '../data-path.ts';
import { type IngestProgress, ingest } from '../ingest/ingest.ts';
import type { Store } from '../store/store.ts';

export const DEMO_SLICE = '../shared/corpus/ant-iraq-syria.jsonl';

export interface DemoStatus {
  readonly available: boolean;
  readonly articles?: number;
  readonly loading?: {
    readonly read: number;
    readonly stored: number;
    readonly present: number;
    readonly errors: number;
    readonly done: boolean;
    readonly failed?: string;
  } | null;
}

export class DemoLoader {
  private progress: IngestProgress | null = null;
  private failed: string | undefined;
  private running: Promise<void> | null = null;
  private lines: number | undefined;

  constructor(
    private readonly store: Store,
    /** The slice's path; found beside the working directory or the package when not given. */
    readonly path: string | null = findSlice(),
  ) {}

  status(): DemoStatus {
    if (!this.path) return { available: false };
    this.lines ??= countLines(this.path);
    const p = this.progress;
    return {
      available: true,
      articles: this.lines,
      loading: p
        ? {
            read: p.read,
            stored: p.stored,
            present: p.present,
            errors: p.errors,
            done: p.done,
            ...(this.failed ? { failed: this.failed } : {}),
          }
        : null,
    };
  }

  /** Start loading (once; again after it ended, which adds only what is missing). */
  start(): void {
    if (!this.path || this.running) return;
    this.failed = undefined;
    // Started: say so at once (the first progress report comes after the first articles).
    this.progress = {
      read: 0,
      stored: 0,
      present: 0,
      errors: 0,
      bytesRead: 0,
      bytesTotal: null,
      elapsedMs: 0,
      done: false,
    };
    const workers = Math.max(1, availableParallelism() - 1);
    this.running = ingest([this.path], this.store, { workers, onProgress: (p) => (this.progress = p) })
      .then((p) => {
        this.progress = p;
      })
      .catch((err: unknown) => {
        this.failed = err instanceof Error ? err.message : String(err);
        if (this.progress) this.progress = { ...this.progress, done: true };
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Wait for a load in progress (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }
}

function findSlice(): string | null {
  for (const base of [process.cwd(), packageRoot]) {
    const p = resolve(base, DEMO_SLICE);
    if (existsSync(p)) return p;
  }
  return null;
}

function countLines(path: string): number {
  const bytes = readFileSync(path);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  if (bytes.length && bytes[bytes.length - 1] !== 10) n++;
  return n;
}
