/**
 * A bounded soak: `isnad ingest` writing into a store while `isnad serve`
 * answers searches on it from many clients at once, for a fixed time; the
 * resident memory of both processes sampled at a fixed interval. Prints the
 * samples, the requests (failed ones counted), and the server's memory
 * trend (MB a minute over the second half, when caches have filled).
 *
 *   npm run soak                        # 10 minutes, 20 clients, a sample every 10 s
 *   npm run soak -- --seconds 60 --clients 20 --sample-s 5 [--json]
 *   npm run soak -- --db STORE --no-ingest    # searches only, over a store that does not change
 *
 * The ingest reads the corpus when it is there (../shared/corpus), and after
 * it — or without it — articles made from templates, each one new, so it
 * writes for the whole run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { QUERIES } from '../bench/queries.ts';
import { testArticle } from '../test/support/articles.ts';

const BIN = fileURLToPath(new URL('../bin/isnad.js', import.meta.url));
/** Articles an ingest run takes. */
const BATCH = 1000;

export interface SoakOptions {
  readonly seconds: number;
  readonly clients: number;
  readonly sampleSeconds: number;
  readonly corpus?: string;
  /** An existing store to serve (kept); default a fresh one (deleted after). */
  readonly db?: string;
  /** Run the ingest beside the searches (default true). */
  readonly ingest?: boolean;
}

export interface SoakReport {
  readonly seconds: number;
  readonly clients: number;
  readonly requests: number;
  readonly failed: number;
  readonly failures: readonly string[];
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  readonly articlesStored: number;
  /** [seconds since start, server RSS MB, ingest RSS MB]. */
  readonly samples: readonly (readonly [number, number, number])[];
  /** Least-squares slope of the server's RSS over the second half of the run, MB a minute. */
  readonly serverTrendMbPerMin: number;
  readonly serverPeakMb: number;
}

const rssMb = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
};

function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den ? num / den : 0;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

/** Lines of JSON for the ingest: the corpus's, then template articles, without end. */
async function* articles(corpus: string | undefined): AsyncGenerator<string> {
  if (corpus && existsSync(corpus)) {
    const raw = createReadStream(corpus);
    const input = corpus.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
      if (line) yield line;
  }
  for (let k = 0; ; k++) yield JSON.stringify({ ...testArticle(k), url: `https://example.org/soak/${k}` });
}

export async function soak(options: SoakOptions): Promise<SoakReport> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-soak-'));
  const db = options.db ?? join(dir, 'soak.db');
  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port), '--no-demo'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('isnad serve:')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`isnad serve exited (${code})`)));
  });
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  // The ingest: batches of the article stream, one `isnad ingest` after another, until the time is up.
  let ingest: ChildProcess | null = null;
  const feeding = (async () => {
    const source = articles(options.corpus);
    for (let batch = 0; options.ingest !== false && performance.now() < deadline; batch++) {
      const lines: string[] = [];
      for (let i = 0; i < BATCH; i++) lines.push((await source.next()).value as string);
      const file = join(dir, `batch-${batch}.jsonl`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db, '--workers', '1'], {
        stdio: 'ignore',
      });
      ingest = child;
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(0, deadline - performance.now()));
      await once(child, 'exit');
      clearTimeout(timer);
      rmSync(file, { force: true });
    }
  })();

  const base = `http://127.0.0.1:${port}`;
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  let requests = 0;
  const client = async (c: number) => {
    for (let i = c; performance.now() < deadline; i += options.clients) {
      const [q, f] = QUERIES[i % QUERIES.length]!;
      const p = new URLSearchParams();
      if (q) p.set('q', q);
      for (const [k, v] of Object.entries(f ?? {})) if (v) p.set(k, String(v));
      // Pages deep into the hits too: readers page, and the same search with another page is another search.
      p.set('offset', String(((i * 7) % 10) * 20));
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/search?${p}`);
        await res.arrayBuffer();
        if (res.status !== 200) {
          failed++;
          if (failures.length < 10) failures.push(`${res.status} ${p}`);
        }
      } catch (err) {
        failed++;
        if (failures.length < 10) failures.push(String(err));
      }
      requests++;
      latencies.push(performance.now() - t);
    }
  };
  const samples: [number, number, number][] = [];
  const sampler = setInterval(() => {
    samples.push([Math.round((performance.now() - started) / 1000), rssMb(server.pid), rssMb(ingest?.pid)]);
  }, options.sampleSeconds * 1000);
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  clearInterval(sampler);
  // The last ingest is killed at the deadline: its writes are transactional, what it stored stays.
  await feeding;
  const counts = await fetch(`${base}/api/stats`).then(
    (r) => r.json() as Promise<{ counts: { articles: number } }>,
  );
  await new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const secondHalf = samples.filter(([t]) => t >= options.seconds / 2).map(([t, s]) => [t / 60, s] as const);
  return {
    seconds: options.seconds,
    clients: options.clients,
    requests,
    failed,
    failures,
    latencyMs: {
      p50: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    },
    articlesStored: counts.counts.articles,
    samples,
    serverTrendMbPerMin: Math.round(slope(secondHalf) * 10) / 10,
    serverPeakMb: Math.max(0, ...samples.map((s) => s[1])),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '600' },
      clients: { type: 'string', default: '20' },
      'sample-s': { type: 'string', default: '10' },
      corpus: { type: 'string', default: '../shared/corpus/ant-all.jsonl.gz' },
      json: { type: 'boolean' },
      db: { type: 'string' },
      'no-ingest': { type: 'boolean' },
    },
  });
  const report = await soak({
    seconds: Number(values.seconds),
    clients: Number(values.clients),
    sampleSeconds: Number(values['sample-s']),
    corpus: values.corpus,
    ...(values.db ? { db: values.db } : {}),
    ingest: !values['no-ingest'],
  });
  if (values.json) console.log(JSON.stringify(report, null, 1));
  else {
    console.log(
      `soak: ${report.seconds} s, ${report.clients} clients searching${values['no-ingest'] ? '' : ' while ingest writes'}`,
    );
    console.log('  t(s)  serve RSS MB  ingest RSS MB');
    for (const [t, s, i] of report.samples)
      console.log(`  ${String(t).padStart(4)}  ${String(s).padStart(12)}  ${String(i).padStart(13)}`);
    console.log(
      `requests ${report.requests}, failed ${report.failed}; latency p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms; ` +
        `articles stored ${report.articlesStored}; serve RSS peak ${report.serverPeakMb} MB, trend over the second half ${report.serverTrendMbPerMin} MB/min`,
    );
    if (report.failures.length) console.log(`failures: ${report.failures.join('; ')}`);
  }
  process.exitCode = report.failed === 0 ? 0 : 1;
}
