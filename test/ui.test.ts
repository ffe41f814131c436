/**
 * The web UI in a real browser (Debian's Chromium through playwright-core),
 * against a real server over a real SQLite store: analyse the founding
 * article from the home page, read it, store it, open a speaker, search
 * with a facet, see the map, move through every quotation with the keyboard,
 * switch the labels to English — and a hostile article rendered as text.
 * Screenshots go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { defaultPipeline } from '../src/analyze/index.ts';
import { type RunningServer, startServer } from '../src/server/serve.ts';
import { indexEntry } from '../src/store/index-entry.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { testArticle } from './support/articles.ts';
import { ARTIFACTS, buildWeb, launchChromium, skipWithoutChromium } from './support/browser.ts';
import { readSeed, SEED_PATH, skipUnless } from './support/shared.ts';

const TOKEN = 'ui-test-token-0123456789';
const SCRIPT = '<script>window.__xss = 1</script>';
const IMG = '<img src=x onerror="window.__xss = 2">';

describe('web UI in Chromium', { skip: skipWithoutChromium }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  const errors: string[] = [];
  let hostileId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-ui-'));
    buildWeb(join(dir, 'web'));
    store = await openStore(join(dir, 'ui.db'));
    // A hostile record: markup in the title, the speaker's name and the quotation.
    const pipeline = defaultPipeline();
    const record = pipeline.analyze({
      text: `قال المتحدث باسم الحكومة أحمد الجبوري إن "${SCRIPT} ${IMG} الوضع في بغداد هادئ".`,
      meta: { title: `عنوان ${SCRIPT}${IMG}`, outlet: 'Test', published: '2018-01-01' },
    });
    assert.equal(record.quotes.length, 1, 'the hostile article has its quotation');
    record.people[0]!.name = `أحمد \u202e${IMG}`;
    hostileId = record.id;
    await store.write([{ record, pipeline: pipeline.config.version, index: indexEntry(record) }]);
    server = await startServer({ store, port: 0, token: TOKEN, demo: false, assetsDir: join(dir, 'web') });
    base = server.url;
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ articles: Array.from({ length: 20 }, (_, k) => testArticle(k)) }),
    });
    assert.equal(res.status, 200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // The token arrives in the address, as `isnad serve --new-token` prints it.
    await page.goto(`${base}/#token=${TOKEN}`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('is Arabic and right to left, and keeps the token out of the address', async () => {
    await page.waitForSelector('#paste');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.doesNotMatch(page.url(), /token/);
  });

  it('analyses the founding article from the home page: 14 quotations highlighted', {
    skip: skipUnless(SEED_PATH),
  }, async () => {
    await page.fill('#paste', readSeed());
    await page.click('#analyse');
    await page.waitForSelector('mark.quote');
    const quotes = await page.$$eval('mark.quote', (els) => els.map((e) => e.getAttribute('data-quote')));
    assert.equal(new Set(quotes).size, 14);
    const text = page.locator('.article-text');
    assert.equal(await text.getAttribute('lang'), 'ar');
    assert.equal(await text.getAttribute('dir'), 'rtl');
    // Hovering a quotation says who said it.
    await page.hover('mark.quote >> nth=0');
    const tip = page.locator('.quote-tip');
    await tip.waitFor();
    assert.match((await tip.textContent()) ?? '', /جاسم محمد جعفر البياتي/);
    await shot('reader-analysed');
  });

  it('reaches every highlight with the keyboard, each showing its speaker', {
    skip: skipUnless(SEED_PATH),
  }, async () => {
    await page.focus('#store');
    const reached = new Set<string>();
    for (let i = 0; i < 120 && reached.size < 14; i++) {
      await page.keyboard.press('Tab');
      const q = await page.evaluate('document.activeElement?.getAttribute("data-quote") ?? null');
      if (typeof q === 'string') {
        reached.add(q);
        await page.locator('.quote-tip').waitFor({ state: 'visible', timeout: 2000 });
      }
    }
    assert.equal(reached.size, 14);
  });

  it('stores the article and opens a speaker across articles', { skip: skipUnless(SEED_PATH) }, async () => {
    await page.click('#store');
    await page.waitForURL(/\/article\/[0-9a-f]{16}$/);
    await page.waitForSelector('mark.quote');
    await page.waitForSelector('.speakers a');
    await shot('reader-stored');
    const name = (await page.textContent('.speakers a >> nth=0'))?.trim();
    await page.click('.speakers a >> nth=0');
    await page.waitForURL(/\/person\/\d+$/);
    await page.waitForSelector('.timeline-item');
    assert.equal((await page.textContent('.person h1'))?.trim(), name);
    assert.ok((await page.locator('.timeline-item').count()) >= 1);
    await shot('person');
  });

  it('searches with a facet', async () => {
    await page.goto(`${base}/`);
    await page.fill('input[name=q]', 'مدرسة');
    await page.fill('input[name=outlet]', 'BBC');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/\/search\?/);
    await page.waitForSelector('.hit');
    const outlets = await page.$$eval('.hit .muted', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(outlets.length > 0);
    assert.ok(
      outlets.every((o) => o.startsWith('BBC')),
      outlets.join(' | '),
    );
    assert.ok((await page.locator('.snippet b').count()) > 0, 'matched words marked');
    await shot('search');
  });

  it('shows places and events on the map', async () => {
    await page.goto(`${base}/map`);
    // Places and events arrive by two requests: wait for both layers (polled from here: the
    // page's CSP refuses the string evaluation waitForFunction would use).
    const counts = async () => [
      await page.locator('path.place-marker').count(),
      await page.locator('path.event-marker').count(),
    ];
    const until = Date.now() + 10_000;
    let [places, events] = await counts();
    while ((places! < 5 || events! < 1) && Date.now() < until) {
      await page.waitForTimeout(100);
      [places, events] = await counts();
    }
    assert.ok(places! >= 5, `${places} place markers`);
    assert.ok(events! >= 1, `${events} event markers`);
    await shot('map');
  });

  it('lists predictions and quote chains', async () => {
    await page.goto(`${base}/claims`);
    await page.click('.tab >> nth=3');
    await page.waitForSelector('.card.claim');
    assert.ok((await page.locator('.card.claim').count()) > 0);
  });

  it('switches the labels to English; the content stays Arabic', async () => {
    await page.goto(`${base}/`);
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal((await page.textContent('#analyse'))?.trim(), 'Analyse');
    const title = page.locator('ul.articles a >> nth=0');
    assert.equal(await title.getAttribute('lang'), 'ar');
    assert.equal(await title.getAttribute('dir'), 'rtl');
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  });

  it('renders markup in a title, a speaker name and a quotation as text', async () => {
    await page.goto(`${base}/article/${hostileId}`);
    await page.waitForSelector('mark.quote');
    const h1 = await page.textContent('.reader-head h1');
    assert.ok(h1?.includes(SCRIPT) && h1.includes(IMG), 'the title shows the markup as text');
    assert.ok((await page.textContent('mark.quote'))?.includes(SCRIPT));
    assert.ok((await page.textContent('.speakers'))?.includes(IMG));
    // A bidi override in a name reorders only the name: every name is an isolate.
    assert.equal(
      await page
        .locator('.speakers .speaker-name >> nth=0')
        .evaluate(
          (e) =>
            (
              globalThis as unknown as { getComputedStyle(x: unknown): { unicodeBidi: string } }
            ).getComputedStyle(e).unicodeBidi,
        ),
      'isolate',
    );
    await page.hover('mark.quote');
    assert.ok((await page.textContent('.quote-tip'))?.includes(IMG));
    // The same markup pasted and analysed.
    await page.goto(`${base}/`);
    await page.fill('#paste', `وقال المتحدث ${IMG} إن "${SCRIPT} الوضع هادئ".`);
    await page.click('#analyse');
    await page.waitForSelector('.article-text');
    await page.goto(`${base}/search?q=${encodeURIComponent('هادئ')}`);
    await page.waitForSelector('.hit');
    assert.equal(await page.locator('main img, main script').count(), 0, 'no element made from the markup');
    assert.equal(await page.evaluate('window.__xss'), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });
});
