import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHtml, extractHtmlMeta, extractHtmlText, htmlToArticle, sniffHtmlCharset } from './html.ts';
import { decodeEntities, htmlToText, maxNestingDepth } from './html-text.ts';

const body =
  'قال النائب إن الحكومة العراقية تعتزم توجيه ضربات جوية جديدة في العمق السوري خلال الفترة المقبلة.';
const page = (head: string, content: string) =>
  `<!doctype html><html><head>${head}</head><body>${content}</body></html>`;

describe('HTML metadata', () => {
  it('reads title, outlet, canonical URL and date from meta tags', () => {
    const meta = extractHtmlMeta(
      page(
        '<title>عنوان | موقع</title><meta property="og:title" content="العنوان &amp; المزيد"><meta property="og:site_name" content="الموقع"><link rel="canonical" href="https://example.com/a"><meta property="article:published_time" content="2018-03-01T10:00:00Z">',
        '',
      ),
    );
    assert.deepEqual(meta, {
      title: 'العنوان & المزيد',
      outlet: 'الموقع',
      url: 'https://example.com/a',
      published: '2018-03-01T10:00:00Z',
    });
  });
  it('falls back to JSON-LD (through @graph) and <title>', () => {
    const meta = extractHtmlMeta(
      page(
        '<title>عنوان الصفحة</title><script type="application/ld+json">{"@graph":[{"datePublished":"2018-04-02","publisher":{"name":"الناشر"}}]}</script><script type="application/ld+json">{broken</script>',
        '',
      ),
    );
    assert.deepEqual(meta, { title: 'عنوان الصفحة', outlet: 'الناشر', published: '2018-04-02' });
  });
});

describe('HTML main text', () => {
  it('keeps paragraphs, drops scripts and page furniture', () => {
    const html = page(
      '<script>var s = "نص داخل سكربت";</script>',
      `<nav>الرئيسية | أخبار</nav><article><p>${body}</p><p>${body.replace('قال', 'وأضاف')}</p><script>document.write("نص مخفي")</script></article><footer>حقوق</footer>`,
    );
    const { text } = extractHtmlText(html);
    assert.equal(text.split('\n\n').length, 2);
    assert.ok(!text.includes('سكربت') && !text.includes('مخفي') && !text.includes('الرئيسية'));
  });
  it('reads a page with no body', () => {
    const a = htmlToArticle('<html><head><title>عنوان</title></head></html>');
    assert.equal(a.text, '');
    assert.equal(a.meta.title, 'عنوان');
  });
  it('reads 10,000 nested divs quickly with the linear extractor, and says so', () => {
    const html = page('', `${'<div>'.repeat(10_000)}<p>${body}</p>${'</div>'.repeat(10_000)}`);
    const t0 = performance.now();
    const { text, diagnostics } = extractHtmlText(html);
    assert.ok(performance.now() - t0 < 5000, 'bounded: no super-linear DOM work');
    assert.equal(text, body);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['html-too-deep'],
    );
  });
  it('honours <meta charset> in the bytes', () => {
    assert.equal(sniffHtmlCharset(new TextEncoder().encode('<meta charset="windows-1256">')), 'windows-1256');
    assert.equal(
      sniffHtmlCharset(
        new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'),
      ),
      'ISO-8859-6',
    );
    assert.equal(
      decodeHtml(new TextEncoder().encode(page('<meta charset="utf-8">', body))).encoding,
      'utf-8',
    );
  });
});

describe('the linear extractor', () => {
  it('decodes entities', () => {
    assert.equal(
      decodeEntities('&laquo;نعم&raquo; &#1575; &#x627; &bogus; &amp;amp;'),
      '«نعم» ا ا &bogus; &amp;',
    );
  });
  it('breaks paragraphs at blocks and collapses whitespace', () => {
    assert.equal(htmlToText('<p>أ   ب</p><div>ج<br>د</div><span>هـ</span> و'), 'أ ب\n\nج\n\nد\n\nهـ و');
  });
  it('skips unterminated comments and scripts to the end', () => {
    assert.equal(htmlToText('<p>نص</p><!-- لا'), 'نص');
    assert.equal(htmlToText('<p>نص</p><script>لا'), 'نص');
  });
  it('measures nesting depth of normally-closed elements', () => {
    assert.equal(maxNestingDepth('<div><div><p><p><span></span></div></div>'), 3);
  });
});
