/**
 * An article's text, right to left, with each quotation marked in its
 * speaker's colour. A mark is focusable (Tab reaches every one in reading
 * order); hovering or focusing it shows who said it, their titles, the
 * reporting verb and the channel. One span at a time (an event's or a
 * claim's evidence) can be highlighted on top.
 *
 * Everything here is text: the article is split at span offsets into
 * strings Preact renders as text nodes, never parsed as HTML.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Person, Quote, Span } from '../api.ts';
import { SPEAKER_COLOURS } from '../format.ts';
import { labels } from '../i18n.ts';

export function speakerColours(people: readonly Person[]): Map<string, string> {
  return new Map(people.map((p, i) => [p.id, SPEAKER_COLOURS[i % SPEAKER_COLOURS.length]!]));
}

interface Tip {
  readonly quote: Quote;
  readonly x: number;
  readonly y: number;
}

interface Run {
  readonly quote: Quote | null;
  readonly parts: { text: string; evidence: boolean }[];
}

/** The text cut into runs of one quotation (the innermost that covers it) or none. */
export function runs(text: string, quotes: readonly Quote[], evidence: Span | null): Run[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = quotes.filter((q) => q.content.start < q.content.end && q.content.end <= text.length);
  for (const q of valid) {
    cuts.add(q.content.start);
    cuts.add(q.content.end);
  }
  if (evidence && evidence.end <= text.length) {
    cuts.add(evidence.start);
    cuts.add(evidence.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    let quote: Quote | null = null;
    for (const q of valid) {
      if (q.content.start <= a && q.content.end >= b) {
        if (!quote || q.content.end - q.content.start < quote.content.end - quote.content.start) quote = q;
      }
    }
    const part = { text: text.slice(a, b), evidence: !!evidence && evidence.start <= a && evidence.end >= b };
    const last = out.at(-1);
    if (last && last.quote === quote) last.parts.push(part);
    else out.push({ quote, parts: [part] });
  }
  return out;
}

export function ArticleText(props: {
  text: string;
  quotes: readonly Quote[];
  people: readonly Person[];
  evidence: Span | null;
}) {
  const t = labels();
  const colours = useMemo(() => speakerColours(props.people), [props.people]);
  const people = useMemo(() => new Map(props.people.map((p) => [p.id, p])), [props.people]);
  const pieces = useMemo(() => runs(props.text, props.quotes, props.evidence), [props.text, props.quotes, props.evidence]);
  // The pointer's quotation wins while it is there; the focused one's shows otherwise (moving
  // the mouse away must not hide what the keyboard is on).
  const [hovered, setHovered] = useState<Tip | null>(null);
  const [focused, setFocused] = useState<Tip | null>(null);
  const tip = hovered ?? focused;
  const box = useRef<HTMLDivElement>(null);

  const place = (quote: Quote, el: HTMLElement): Tip | null => {
    const outer = box.current?.getBoundingClientRect();
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    if (!outer) return null;
    return { quote, x: r.left - outer.left + r.width / 2, y: r.bottom - outer.top + 6 };
  };

  const describe = (q: Quote) => {
    const speaker = q.speaker ? people.get(q.speaker) : undefined;
    return { speaker, name: speaker?.name ?? t.unknownSpeaker };
  };

  return (
    <div class="article-text-box" ref={box}>
      <div class="article-text" lang="ar" dir="rtl">
        {pieces.map((run, i) => {
          const inner = run.parts.map((p, j) =>
            p.evidence ? (
              <span class="evidence" key={j}>
                {p.text}
              </span>
            ) : (
              p.text
            ),
          );
          if (!run.quote) return <span key={i}>{inner}</span>;
          const q = run.quote;
          const { name, speaker } = describe(q);
          const colour = (q.speaker && colours.get(q.speaker)) || '#6b7280';
          return (
            <mark
              key={i}
              class={`quote quote-${q.kind}`}
              data-quote={q.id}
              data-speaker={q.speaker ?? ''}
              tabIndex={0}
              style={{ '--speaker': colour }}
              aria-label={`${name}${speaker?.titles.length ? `، ${speaker.titles.join('، ')}` : ''}: ${q.content.text}`}
              onMouseEnter={(e) => setHovered(place(q, e.currentTarget))}
              onMouseLeave={() => setHovered(null)}
              onFocus={(e) => setFocused(place(q, e.currentTarget))}
              onBlur={() => setFocused(null)}
            >
              {inner}
            </mark>
          );
        })}
      </div>
      {tip && <QuoteTip quote={tip.quote} person={describe(tip.quote).speaker} x={tip.x} y={tip.y} />}
    </div>
  );
}

function QuoteTip(props: { quote: Quote; person: Person | undefined; x: number; y: number }) {
  const t = labels();
  const q = props.quote;
  return (
    <div class="quote-tip" role="tooltip" style={{ left: `${props.x}px`, top: `${props.y}px` }}>
      <div class="tip-speaker" lang="ar" dir="rtl">
        {props.person?.name ?? t.unknownSpeaker}
      </div>
      {props.person && props.person.titles.length > 0 && (
        <div lang="ar" dir="rtl" class="tip-titles">
          {props.person.titles.join('، ')}
        </div>
      )}
      <dl>
        <dt>{t.kind}</dt>
        <dd>{t[q.kind]}</dd>
        {q.verb && (
          <>
            <dt>{t.verb}</dt>
            <dd lang="ar" dir="rtl">
              {q.verb.text}
            </dd>
          </>
        )}
        {q.channel && (
          <>
            <dt>{t.channel}</dt>
            <dd lang="ar" dir="rtl">
              {q.channel.text}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
