/**
 * The web UI's built files (web/dist), read into memory when the server
 * starts: a request names a key of this map or nothing — no path from a
 * request ever reaches the file system, so there is nothing to traverse.
 * Paths that are not files get index.html (the UI routes itself).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
  readonly etag: string;
  /** Vite names built assets by their hash: they never change, so they may be cached for good. */
  readonly immutable: boolean;
}

export class Assets {
  private constructor(private readonly files: ReadonlyMap<string, Asset>) {}

  /** The files under `dir`; none (an empty map) when it does not exist. */
  static load(dir: string): Assets {
    const files = new Map<string, Asset>();
    const walk = (d: string) => {
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        return;
      }
      for (const name of names) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else {
          const body = readFileSync(p);
          const key = `/${relative(dir, p).split(sep).join('/')}`;
          files.set(key, {
            body,
            type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
            etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
            immutable: key.startsWith('/assets/'),
          });
        }
      }
    };
    walk(dir);
    return new Assets(files);
  }

  get size(): number {
    return this.files.size;
  }

  /** The asset a path names, or index.html for the UI's own routes. */
  resolve(path: string): Asset | undefined {
    const file = this.files.get(path);
    if (file) return file;
    // A missing asset is a 404, not the page (a browser would try to run HTML as a script).
    if (path.startsWith('/assets/') || extname(path)) return undefined;
    return this.files.get('/index.html');
  }
}
