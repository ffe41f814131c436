import { labels } from '../i18n.ts';

/** Previous / next over a list shown `size` at a time from `offset`, of `total` in all. */
export function Pager(props: { offset: number; size: number; total: number; onPage: (offset: number) => void }) {
  const t = labels();
  const { offset, size, total, onPage } = props;
  return (
    <nav class="pager">
      {offset > 0 && (
        <button type="button" onClick={() => onPage(Math.max(0, offset - size))}>
          {t.previous}
        </button>
      )}
      {offset + size < total && (
        <button type="button" onClick={() => onPage(offset + size)}>
          {t.next}
        </button>
      )}
    </nav>
  );
}
