/**
 * `isnad serve`: the HTTP API and the web UI over a store. The ingest token
 * comes from --token-file or ISNAD_TOKEN; --new-token makes a random one for
 * this run and prints the UI's address carrying it (after «#», which a
 * browser never sends to a server or a log). Without a token ingest is off.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startServer } from '../server/serve.ts';
import { DEFAULT_DB, openStore } from '../store/open.ts';

export interface ServeCommandOptions {
  readonly db?: string;
  readonly port?: number;
  readonly host?: string;
  readonly tokenFile?: string;
  readonly newToken?: boolean;
  readonly demo?: boolean;
  readonly searchCache?: boolean;
}

export async function runServe(opts: ServeCommandOptions): Promise<number> {
  let token = process.env.ISNAD_TOKEN?.trim() || undefined;
  if (opts.tokenFile) {
    token = readFileSync(opts.tokenFile, 'utf8').trim();
    if (token.length < 16) {
      process.stderr.write(`isnad serve: the token in ${opts.tokenFile} is shorter than 16 characters\n`);
      return 2;
    }
  }
  if (opts.newToken) token = randomBytes(24).toString('base64url');
  const store = await openStore(opts.db ?? DEFAULT_DB);
  const server = await startServer({
    store,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...(token ? { token } : {}),
    ...(opts.demo === false ? { demo: false } : {}),
    ...(opts.searchCache === false ? { searchCache: false } : {}),
  });
  const ui = server.assets ? `${server.url}/` : null;
  process.stdout.write(`isnad serve: ${store.location} on ${server.url}\n`);
  process.stdout.write(`  API: ${server.url}/openapi.json\n`);
  if (ui) process.stdout.write(`  UI:  ${opts.newToken ? `${ui}#token=${token}` : ui}\n`);
  else process.stdout.write('  UI:  not built (npm run build:web)\n');
  if (!token) process.stdout.write('  ingest: off (no token: --token-file, ISNAD_TOKEN or --new-token)\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  return 0;
}
