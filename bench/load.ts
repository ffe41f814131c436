/**
 * Load on the HTTP API: `isnad serve` in its own process over a store, and
 * autocannon here, on loopback, cycling through the 100 searches of
 * bench/queries.ts as GET /api/search. Printed: requests/s, latency
 * percentiles, errors; and the same against GET /api/demo (a route that
 * does no work) as the baseline of this machine and this HTTP stack, so the
 * search's cost reads as a ratio.
 *
 *   npm run bench:load -- --db STORE [--connections 50] [--seconds 30]
 *
 * Without --db the store is made first by ingesting ../shared/corpus/ant-all.jsonl.gz.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { QUERIES } from './queries.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    corpus: { type: 'string', default: '../shared/corpus/ant-all.jsonl.gz' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);

let db = values.db;
if (!db) {
  if (!existsSync(values.corpus)) {
    console.error(`bench:load: no --db and no corpus at ${values.corpus}`);
    process.exit(2);
  }
  db = join(mkdtempSync(join(tmpdir(), 'isnad-load-')), 'load.db');
  console.log(`ingesting ${values.corpus} into ${db} …`);
  const r = spawnSync(process.execPath, ['bin/isnad.js', 'ingest', values.corpus, '--db', db], {
    stdio: 'inherit',
  });
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 1);
}

/** `isnad serve` in its own process; its address and a way to stop it. */
async function startServer(extra: string[]) {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(
    process.execPath,
    ['bin/isnad.js', 'serve', '--db', db!, '--port', String(port), '--no-demo', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('isnad serve:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`isnad serve exited (${code})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base: `http://127.0.0.1:${port}`, stop };
}
let base = '';

const paths = QUERIES.map(([q, filters]) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  for (const [k, v] of Object.entries(filters ?? {})) if (v) p.set(k, String(v));
  return `/api/search?${p}`;
});

async function run(title: string, requests: string[], duration: number) {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: requests.map((path) => ({ method: 'GET', path })),
  });
  const l = result.latency;
  console.log(
    `${title.padEnd(24)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
      `p50 ${l.p50} ms  p90 ${l.p90} ms  p99 ${l.p99} ms  max ${l.max} ms  ` +
      `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  (${result.requests.total} requests)`,
  );
  return result;
}

console.log(`${connections} connections, ${seconds} s each, the server in its own process on loopback`);
let failed = 0;
for (const cached of [false, true]) {
  const server = await startServer(cached ? [] : ['--no-search-cache']);
  base = server.base;
  try {
    // Warm: each search once (the store's pages into the page cache), as a server that has run a while.
    for (const p of paths) await (await fetch(base + p)).arrayBuffer();
    const baseline = await run('baseline GET /api/demo', ['/api/demo'], Math.min(10, seconds));
    const search = await run(cached ? 'search, results kept' : 'search, every time', paths, seconds);
    console.log(
      `  vs baseline: throughput ×${(search.requests.average / baseline.requests.average).toFixed(3)}, ` +
        `p99 ×${(search.latency.p99 / Math.max(1, baseline.latency.p99)).toFixed(1)}`,
    );
    failed += search.errors + search.timeouts + search.non2xx;
  } finally {
    await server.stop();
  }
}
console.log(failed === 0 ? 'zero failed requests' : `FAILED REQUESTS: ${failed}`);
process.exitCode = failed === 0 ? 0 : 1;
