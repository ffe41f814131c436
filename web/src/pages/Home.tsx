/**
 * The way in: paste or drop articles to analyse (and store, with the token),
 * search with facets, the corpus slice to load when the server has it, and
 * the latest stored articles.
 */
import { useEffect, useState } from 'preact/hooks';
import { type ArticleInput, type ArticleSummary, api, type DemoStatus, token } from '../api.ts';
import { day } from '../format.ts';
import { labels } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { draft } from '../state.ts';
import { SearchForm } from './Search.tsx';

/** A dropped file as the API takes it: HTML by its name or its first bytes, else text. */
async function fileInput(file: File): Promise<ArticleInput> {
  const text = await file.text();
  const html = /\.html?$/i.test(file.name) || /^\s*<(!doctype html|html)/i.test(text.slice(0, 200));
  return html ? { html: text } : { text };
}

export function Home() {
  const t = labels();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [recent, setRecent] = useState<ArticleSummary[] | null>(null);
  const [demo, setDemo] = useState<DemoStatus | null>(null);

  const refresh = () => {
    api.articles({ limit: 10 }).then((p) => setRecent(p.items), () => setRecent([]));
  };
  useEffect(() => {
    refresh();
    api.demo().then(setDemo, () => setDemo(null));
  }, []);
  // While the slice loads, follow it.
  useEffect(() => {
    if (!demo?.loading || demo.loading.done) return;
    const timer = setTimeout(() => {
      api.demo().then(setDemo, () => undefined);
      refresh();
    }, 1000);
    return () => clearTimeout(timer);
  }, [demo]);

  const analyse = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      draft.value = { record: await api.analyse({ text }), input: { text } };
      navigate('/analysed');
    } catch (err) {
      setMessage(`${t.error}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const drop = async (files: FileList | null) => {
    setDragging(false);
    if (!files?.length) return;
    setBusy(true);
    setMessage(null);
    try {
      const inputs = await Promise.all([...files].map(fileInput));
      if (inputs.length === 1) {
        draft.value = { record: await api.analyse(inputs[0]!), input: inputs[0]! };
        navigate('/analysed');
        return;
      }
      if (!token()) {
        setMessage(t.tokenNeeded);
        return;
      }
      const result = await api.ingest(inputs);
      setMessage(t.filesStored(result.added));
      refresh();
    } catch (err) {
      setMessage(`${t.error}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="home">
      <section class="panel">
        <h2>{t.search}</h2>
        <SearchForm initial={{}} />
      </section>
      <section
        class={`panel paste ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          void drop(e.dataTransfer?.files ?? null);
        }}
      >
        <h2>{t.pasteTitle}</h2>
        <textarea
          id="paste"
          lang="ar"
          dir="rtl"
          rows={8}
          placeholder={t.pasteHint}
          aria-label={t.pasteHint}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="row">
          <button type="button" id="analyse" class="primary" disabled={busy || !text.trim()} onClick={analyse}>
            {busy ? t.analysing : t.analyse}
          </button>
          <label class="file">
            {t.drop}
            <input
              type="file"
              multiple
              accept=".txt,.html,.htm,text/plain,text/html"
              onChange={(e) => void drop(e.currentTarget.files)}
            />
          </label>
        </div>
        {message && (
          <p class="message" role="status">
            {message}
          </p>
        )}
      </section>
      {demo?.available && (
        <section class="panel demo">
          {demo.loading && !demo.loading.done ? (
            <p role="status">{t.demoLoading(demo.loading.stored + demo.loading.present, demo.articles ?? 0)}</p>
          ) : demo.loading?.done ? (
            <p role="status">
              {t.demoDone}
              {demo.loading.failed ? ` — ${demo.loading.failed}` : ''}
            </p>
          ) : (
            <button
              type="button"
              onClick={() =>
                api.loadDemo().then(setDemo, (err: Error) => setMessage(token() ? err.message : t.tokenNeeded))
              }
            >
              {t.demoOffer(demo.articles ?? 0)}
            </button>
          )}
        </section>
      )}
      <section class="panel">
        <h2>{t.recent}</h2>
        {recent === null ? (
          <p>{t.loading}</p>
        ) : recent.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ul class="articles">
            {recent.map((a) => (
              <li key={a.id}>
                <Link href={`/article/${a.id}`} lang="ar" dir="rtl">
                  {a.title ?? a.id}
                </Link>
                <span class="muted">
                  {' '}
                  {a.outlet ? `${a.outlet} · ` : ''}
                  {day(a.published)} · {t.quotesCount(a.quotes)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
