/**
 * `isnad serve`: the API and the UI over a store, on loopback unless told
 * otherwise. Slow clients are cut off (headers in 10 s, a whole request in
 * 30 s); SIGINT/SIGTERM close the server, the analysis thread and the store.
 */
import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import type { Context } from 'hono';
import { packageRoot } from '../data-path.ts';
import { AnalysisPool } from '../ingest/analysis.ts';
import type { Store } from '../store/store.ts';
import { type AppOptions, createApp } from './app.ts';
import { DemoLoader } from './demo.ts';
import { Assets } from './static.ts';

export interface ServeOptions {
  readonly store: Store;
  readonly port?: number;
  readonly host?: string;
  readonly token?: string;
  /** The built UI; default web/dist of the package. */
  readonly assetsDir?: string;
  /** Offer the corpus slice (default: when it is there). */
  readonly demo?: boolean;
  readonly limits?: AppOptions['limits'];
  readonly today?: () => string;
  readonly searchCache?: boolean;
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly assets: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const pool = new AnalysisPool(1);
  const assets = Assets.load(options.assetsDir ?? `${packageRoot}web/dist`);
  const demo = options.demo === false ? undefined : new DemoLoader(options.store);
  const app = createApp({
    store: options.store,
    pool,
    ...(options.token ? { token: options.token } : {}),
    assets,
    ...(demo ? { demo } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.searchCache === false ? { searchCache: false } : {}),
    clientOf: (c: Context) =>
      (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown',
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port ?? DEFAULT_PORT,
        hostname: host,
        serverOptions: {
          headersTimeout: options.headersTimeoutMs ?? 10_000,
          requestTimeout: options.requestTimeoutMs ?? 30_000,
          keepAliveTimeout: 5_000,
          // How often Node looks for requests past their time (its default, 30 s, lets a slow
          // client hold a connection that long whatever the timeouts say).
          connectionsCheckingInterval: 1_000,
        },
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const http = server as unknown as import('node:http').Server;
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    assets: assets.size,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await demo?.settled();
      await pool.close();
    },
  };
}
