/**
 * The quotations component: who said what, through whom. Provides the
 * record's `quotes`, `people` (the speakers) and `sources` (the outlets the
 * article cites).
 */
import type { Quote, SourceRef } from '../../record/types.ts';
import type { Component } from '../pipeline.ts';
import { QuoteFinder } from './find.ts';
import { People } from './people.ts';
import { outletAt } from './phrase.ts';
import { Reader } from './reader.ts';

const SOURCE_KINDS: Readonly<Record<string, SourceRef['kind']>> = {
  agency: 'agency',
  broadcaster: 'broadcaster',
  newspaper: 'newspaper',
  website: 'website',
  monitor: 'other',
};

export const quotesComponent: Component = {
  name: 'quotes',
  version: '1',
  requires: ['tokens', 'segments', 'sentences', 'quote-marks'],
  provides: ['quotes', 'people', 'sources'],
  run(doc) {
    const reader = Reader.of(doc);
    const people = new People(reader);
    const finder = new QuoteFinder(reader, people);
    const found = finder.run();
    doc.quotes = found.map(
      (f, k): Quote => ({
        id: `q${k + 1}`,
        kind: f.kind,
        speaker: f.speaker?.id ?? null,
        verb: f.verb
          ? { text: f.verb.span.text, lemma: f.verb.lemma, start: f.verb.span.start, end: f.verb.span.end }
          : null,
        content: f.content,
        channel: f.channel
          ? {
              kind: f.channel.kind,
              text: f.channel.span.text,
              ...(f.channel.source ? { source: f.channel.source } : {}),
              start: f.channel.span.start,
              end: f.channel.span.end,
            }
          : null,
        confidence: Math.round(f.confidence * 100) / 100,
      }),
    );
    // Only people who speak are listed here; issue 4's entities add the rest.
    const speaking = new Set(found.map((f) => f.speaker).filter(Boolean));
    const kept = people.toRecord().filter((p) => [...speaking].some((s) => s!.id === p.id));
    const renumber = new Map(kept.map((p, k) => [p.id, `p${k + 1}`]));
    doc.people = kept.map((p) => ({ ...p, id: renumber.get(p.id)! }));
    for (const q of doc.quotes) if (q.speaker) q.speaker = renumber.get(q.speaker) ?? null;
    doc.sources = findSources(reader);
    for (const d of finder.diagnostics) doc.diagnose(d);
  },
};

/** Every outlet the article names, once each, at its first mention. */
function findSources(r: Reader): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (let i = 0; i < r.length; i++) {
    const w = r.words[i]!;
    const expected = w.prep === 'ل' || /^(حسب|بحسب|وفق|عن)$/.test(r.words[i - 1]?.core ?? '');
    const o = outletAt(r, i, expected);
    if (!o) continue;
    if (!seen.has(o.name)) {
      seen.add(o.name);
      const span = r.span(i, i + o.length, true);
      out.push({ name: o.name, kind: SOURCE_KINDS[o.kind] ?? 'other', start: span.start, end: span.end });
    }
    i += o.length - 1;
  }
  return out;
}
