import { useEffect, useState } from 'preact/hooks';
import { type ArticleRecord, api, token } from '../api.ts';
import { Reader } from '../components/Reader.tsx';
import { labels } from '../i18n.ts';
import { navigate } from '../router.tsx';
import { useSignal } from '../signal.ts';
import { draft } from '../state.ts';

/** A stored article, with links from its speakers to their pages across articles. */
export function ArticlePage(props: { id: string }) {
  const t = labels();
  const [record, setRecord] = useState<ArticleRecord | null>(null);
  const [persons, setPersons] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRecord(null);
    setError(null);
    api.article(props.id).then(setRecord, (e: Error) => setError(e.message));
    api.articlePersons(props.id).then(setPersons, () => setPersons({}));
  }, [props.id]);
  if (error) return <p class="message">{`${t.error}: ${error}`}</p>;
  if (!record) return <p>{t.loading}</p>;
  return <Reader record={record} personIds={persons} />;
}

/** The text just analysed on the home page: read it, and store it with the token. */
export function AnalysedPage() {
  const t = labels();
  const current = useSignal(draft);
  const [message, setMessage] = useState<string | null>(null);
  if (!current) {
    queueMicrotask(() => navigate('/', true));
    return null;
  }
  const store = async () => {
    if (!token()) {
      setMessage(t.tokenNeeded);
      return;
    }
    try {
      const result = await api.ingest([current.input]);
      const id = result.ids[0];
      if (id) navigate(`/article/${id}`);
      else setMessage(result.errors[0]?.message ?? t.error);
    } catch (err) {
      setMessage(`${t.error}: ${(err as Error).message}`);
    }
  };
  return (
    <div>
      <div class="row toolbar">
        <button type="button" class="primary" id="store" onClick={store}>
          {t.store}
        </button>
        {message && (
          <span class="message" role="status">
            {message}
          </span>
        )}
      </div>
      <Reader record={current.record} />
    </div>
  );
}
