/**
 * Crash safety, measured: ingest the same input twice, once cleanly and once
 * killed with SIGKILL at random moments and started again each time, then
 * compare the two stores. Nothing may be lost or doubled.
 *
 *   npx tsx scripts/crash-test.ts INPUT [--kills 5] [--workers 2] [--min-ms 1000] [--max-ms 8000] [--seed 1]
 *
 * Compared: the stored article ids, and the rows per article (quotations,
 * people, entities, places, events, claims, sources) — what one article's
 * analysis makes. Who is one person across articles, and which quotations
 * are one statement, depend on the order articles arrive; with one analysis
 * thread that order is the input's and they are compared too; with several
 * it varies from run to run, crash or not.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded } from '../src/ner/perceptron.ts';
import { openStore } from '../src/store/open.ts';

const BIN = fileURLToPath(new URL('../bin/isnad.js', import.meta.url));

export interface CrashOptions {
  readonly input: string;
  readonly kills: number;
  readonly workers: number;
  /** Each run is killed at a random moment between these, after it starts. */
  readonly minMs: number;
  readonly maxMs: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface CrashReport {
  /** Articles stored when each kill landed (null: the run had finished first). */
  readonly kills: readonly { readonly afterMs: number; readonly stored: number | null }[];
  readonly clean: Record<string, number>;
  readonly crashed: Record<string, number>;
  /** Ids in one store and not the other (both empty when nothing was lost or doubled). */
  readonly onlyClean: readonly string[];
  readonly onlyCrashed: readonly string[];
  /** The counts that differ. */
  readonly differences: readonly string[];
}

function ingest(
  input: string,
  db: string,
  workers: number,
): { done: Promise<number | null>; kill: () => void } {
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--workers', String(workers)], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { done, kill: () => child.kill('SIGKILL') };
}

async function snapshot(
  db: string,
  withOrder: boolean,
): Promise<{ counts: Record<string, number>; ids: Set<string> }> {
  const store = await openStore(db);
  try {
    const all = await store.counts();
    const keys = ['articles', 'quotes', 'people', 'entities', 'places', 'events', 'claims', 'sources'];
    if (withOrder) keys.push('persons', 'clusters');
    const counts = Object.fromEntries(keys.map((k) => [k, all[k as keyof typeof all]]));
    const ids = new Set((await store.driver.all<{ id: string }>('SELECT id FROM articles')).map((r) => r.id));
    return { counts, ids };
  } finally {
    await store.close();
  }
}

export async function crashTest(o: CrashOptions): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-crash-'));
  const log = o.log ?? (() => undefined);
  try {
    const cleanDb = join(dir, 'clean.db');
    const crashDb = join(dir, 'crashed.db');
    const t0 = performance.now();
    await ingest(o.input, cleanDb, o.workers).done;
    log(`clean run: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const random = seeded(o.seed);
    const kills: { afterMs: number; stored: number | null }[] = [];
    for (let k = 0; k < o.kills; k++) {
      const afterMs = Math.round(o.minMs + random() * (o.maxMs - o.minMs));
      const run = ingest(o.input, crashDb, o.workers);
      const finished = await Promise.race([
        run.done.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), afterMs)),
      ]);
      if (!finished) {
        run.kill();
        await run.done;
      }
      const stored = (await snapshot(crashDb, false)).counts.articles ?? 0;
      kills.push({ afterMs, stored: finished ? null : stored });
      log(
        `kill ${k + 1}: ${finished ? 'the run finished first' : `killed after ${afterMs} ms`}; ${stored} articles stored`,
      );
    }
    await ingest(o.input, crashDb, o.workers).done;
    const withOrder = o.workers <= 1;
    const clean = await snapshot(cleanDb, withOrder);
    const crashed = await snapshot(crashDb, withOrder);
    const differences = Object.keys(clean.counts).filter((k) => clean.counts[k] !== crashed.counts[k]);
    return {
      kills,
      clean: clean.counts,
      crashed: crashed.counts,
      onlyClean: [...clean.ids].filter((id) => !crashed.ids.has(id)),
      onlyCrashed: [...crashed.ids].filter((id) => !clean.ids.has(id)),
      differences,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const input = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!input) {
    console.error(
      'usage: npx tsx scripts/crash-test.ts INPUT [--kills 5] [--workers 2] [--min-ms 1000] [--max-ms 8000] [--seed 1]',
    );
    process.exit(2);
  }
  const report = await crashTest({
    input,
    kills: opt('kills', 5),
    workers: opt('workers', 2),
    minMs: opt('min-ms', 1000),
    maxMs: opt('max-ms', 8000),
    seed: opt('seed', 1),
    log: (l) => console.log(l),
  });
  console.log(JSON.stringify(report, null, 1));
  const ok = !report.differences.length && !report.onlyClean.length && !report.onlyCrashed.length;
  console.log(ok ? 'crash test: the same store as a clean run' : 'crash test: FAILED');
  process.exit(ok ? 0 : 1);
}
