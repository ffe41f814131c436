/**
 * The browser tests' parts: Debian's Chromium driven by playwright-core
 * (flags from ../shared/DESIGN.md: headless, no sandbox as root, none of
 * Chromium's own network traffic), and the web UI built by vite into a
 * throwaway folder, so a test never serves a stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.ISNAD_CHROMIUM ?? '/usr/bin/chromium';
export const skipWithoutChromium: false | string = existsSync(CHROMIUM)
  ? false
  : `needs Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-core (.ci/run does)`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots of the browser tests (kept by CI as artefacts; not committed). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Build the web UI into `outDir` (vite, as npm run build:web does). */
export function buildWeb(outDir: string): void {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', join(ROOT, 'web')],
    {
      env: { ...process.env, ISNAD_WEB_OUT: outDir },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
  mkdirSync(ARTIFACTS, { recursive: true });
}
