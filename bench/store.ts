/**
 * npm run bench (second part) — the store at corpus scale:
 *
 *   (r) baseline: read ../shared/corpus/ant-all.jsonl.gz, gunzip, JSON.parse each line (this process)
 *   (h) `isnad ingest` of the first half into a fresh SQLite file, 2 analysis threads
 *   (f) `isnad ingest` of all of it into another fresh file
 *   (a) the same ingest again over the full store: nothing is added
 *   (s) 100 searches (bench/queries.ts) over the full store: p50, p90, p99
 *
 * For each ingest: articles/s, its time as a ratio to (r), peak RSS of the
 * ingest process (VmHWM, sampled while it runs), and the store's size. The
 * half and full runs side by side show whether memory stays flat as the
 * input grows. Timings vary between runs of this machine (±20%).
 *
 *   npm run bench:store [-- CORPUS.jsonl.gz] [--workers N]
 */
import { spawn } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import { openStore } from '../src/store/open.ts';
import { QUERIES } from './queries.ts';

const args = process.argv.slice(2);
const corpus =
  args.find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../../shared/corpus/ant-all.jsonl.gz', import.meta.url));
const workersAt = args.indexOf('--workers');
const WORKERS = workersAt >= 0 ? Number(args[workersAt + 1]) : 2;
const BIN = fileURLToPath(new URL('../bin/isnad.js', import.meta.url));
if (!existsSync(corpus)) {
  console.log(`bench (store): skipped — ${corpus} not found (the shared folder is not beside this checkout)`);
  process.exit(0);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** (r): the corpus read and parsed, once, timed. */
async function readCorpus(): Promise<{ ms: number; lines: string[] }> {
  const t0 = performance.now();
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(corpus).pipe(createGunzip()) })) {
    if (!line) continue;
    JSON.parse(line);
    lines.push(line);
  }
  return { ms: performance.now() - t0, lines };
}

interface IngestRun {
  readonly ms: number;
  readonly peakRssKb: number;
  readonly summary: { stored: number; present: number; errors: number };
}

/** `isnad ingest` in a child process, its peak RSS read from /proc while it runs. */
function ingest(input: string, db: string): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [BIN, 'ingest', input, '--db', db, '--workers', String(WORKERS), '--json'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    let peak = 0;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        // gone already
      }
    };
    const timer = setInterval(sample, 200);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
    });
    child.on('close', () => {
      try {
        resolve({ ms: performance.now() - t0, peakRssKb: peak, summary: JSON.parse(out) });
      } catch (err) {
        reject(new Error(`ingest printed no summary: ${String(err)}; ${out.slice(0, 500)}`));
      }
    });
  });
}

const sizeOf = (db: string) =>
  ['', '-wal'].reduce((n, s) => n + (existsSync(db + s) ? statSync(db + s).size : 0), 0);

const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-'));
try {
  const base = await readCorpus();
  const n = base.lines.length;
  const perArticleBase = base.ms / n;
  console.log(`corpus: ${corpus}\n${n} articles; ${WORKERS} analysis threads; one run each\n`);
  console.log(
    `(r) read + gunzip + JSON.parse                  ${((n / base.ms) * 1000).toFixed(0).padStart(7)} articles/s   ×1`,
  );
  const half = join(dir, 'half.jsonl.gz');
  writeFileSync(half, gzipSync(`${base.lines.slice(0, Math.floor(n / 2)).join('\n')}\n`));
  base.lines.length = 0;

  const line = (label: string, run: IngestRun, articles: number, db: string) =>
    console.log(
      `${label.padEnd(47)}${((articles / run.ms) * 1000).toFixed(0).padStart(7)} articles/s   ×${(run.ms / articles / perArticleBase).toFixed(0)} of (r)   peak RSS ${mb(run.peakRssKb * 1024)}   store ${mb(sizeOf(db))}   (${run.summary.stored} stored, ${run.summary.present} already there, ${run.summary.errors} errors)`,
    );
  const halfDb = join(dir, 'half.db');
  const h = await ingest(half, halfDb);
  line(`(h) ingest, first half (${Math.floor(n / 2)})`, h, Math.floor(n / 2), halfDb);
  rmSync(halfDb, { force: true });
  rmSync(`${halfDb}-wal`, { force: true });
  const fullDb = join(dir, 'full.db');
  const f = await ingest(corpus, fullDb);
  line(`(f) ingest, all (${n})`, f, n, fullDb);
  const again = await ingest(corpus, fullDb);
  line('(a) the same ingest again', again, n, fullDb);

  const store = await openStore(fullDb);
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    times.length = 0;
    for (const [q, filters] of QUERIES) {
      const t = performance.now();
      await store.search(q, { ...filters, limit: 10 });
      times.push(performance.now() - t);
    }
  }
  const counts = await store.counts();
  await store.close();
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(
    `(s) ${QUERIES.length} searches over ${counts.articles} articles (second pass): p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  console.log(
    `\nthe full store: ${counts.articles} articles, ${counts.quotes} quotations in ${counts.clusters} statements, ${counts.persons} persons, ${counts.entities} entities, ${counts.places} places, ${counts.events} events, ${counts.claims} claims; ${counts.terms} terms, ${counts.postings} postings in ${counts.segments} segments`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
