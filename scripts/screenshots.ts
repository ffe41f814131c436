/**
 * The README's screenshots: the founding article stored in a fresh store,
 * read in the UI, and the map of its places and events, from Debian's
 * Chromium. Writes docs/screenshots/reader.png and map.png.
 *
 *   npm run screenshots
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/serve.ts';
import { openStore } from '../src/store/open.ts';
import { buildWeb, launchChromium } from '../test/support/browser.ts';
import { SEED_PATH } from '../test/support/shared.ts';

const OUT = 'docs/screenshots';
const TOKEN = 'screenshots-token-0123456789';

const dir = mkdtempSync(join(tmpdir(), 'isnad-shots-'));
try {
  buildWeb(join(dir, 'web'));
  const store = await openStore(join(dir, 'shots.db'));
  const server = await startServer({
    store,
    port: 0,
    token: TOKEN,
    demo: false,
    assetsDir: join(dir, 'web'),
  });
  const res = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: readFileSync(SEED_PATH, 'utf8'), title: 'تحالف عسكري "جوي" ثم "بري"' }),
  });
  const { ids } = (await res.json()) as { ids: string[] };
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  mkdirSync(OUT, { recursive: true });
  await page.goto(`${server.url}/article/${ids[0]}`);
  await page.waitForSelector('mark.quote');
  await page.waitForSelector('path.place-marker');
  // A quotation hovered, as a reader would.
  await page.hover('mark.quote >> nth=0');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForSelector('.quote-tip');
  await page.screenshot({ path: `${OUT}/reader.png` });
  await page.goto(`${server.url}/map`);
  await page.waitForSelector('path.place-marker');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/map.png` });
  await browser.close();
  await server.close();
  await store.close();
  console.log(`screenshots: ${OUT}/reader.png, ${OUT}/map.png`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
