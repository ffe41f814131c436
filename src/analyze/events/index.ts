/**
 * The events component: what the article says happened, is happening, is
 * planned or predicted, is claimed, or is denied, coded to PLOVER types.
 * One event per type, status and sentence; its evidence is the clause around
 * the trigger, its place the first place in that clause (else in the
 * sentence), its date the date the sentence gives, resolved against the
 * publication date.
 *
 * Who asserts it: inside a quotation the speaker (the status stays what the
 * words say: a speaker reporting a strike reports it as happened, as the gold
 * annotations read it), otherwise the outlet.
 */
import type { EventRecord, TextSpan } from '../../record/types.ts';
import { resolveDate } from '../../text/dates.ts';
import { SpanIndex } from '../../text/span-index.ts';
import type { Component } from '../pipeline.ts';
import { Reader } from '../quotes/reader.ts';
import { argumentsOf, nameIndex } from './arguments.ts';
import { reportedEvents } from './detect.ts';
import { keptEvents } from './filter.ts';

/** Words of evidence kept before and after the trigger, within its clause. */
const EVIDENCE_BEFORE = 4;
const EVIDENCE_BEFORE_VERB = 3;
const EVIDENCE_AFTER = 7;

export const eventsComponent: Component = {
  name: 'events',
  version: '2',
  requires: ['tokens', 'segments', 'sentences', 'quotes', 'entities', 'places'],
  provides: ['events'],
  run(doc) {
    const r = Reader.of(doc);
    const seen = new Map<string, TextSpan>();
    const events: EventRecord[] = [];
    const quotes = new SpanIndex(
      doc.quotes.map((q) => ({ start: q.content.start, end: q.content.end, quote: q })),
    );
    const places = new SpanIndex(doc.places.flatMap((p) => p.mentions ?? [p]));
    const names = nameIndex(doc);
    const dates = new Map<number, string | null>();
    for (const hit of keptEvents(doc, r, reportedEvents(r))) {
      const sentence = r.sentenceOf[hit.start]!;
      const [cFrom, cTo] = hit.clause;
      // A noun needs the words before it; a verb mostly opens its clause (verb, subject, object),
      // but a subject may come first («عدد من المقاتلين غادروا المنطقة»).
      const before = hit.cls === 'noun' || hit.cls === 'actor' ? EVIDENCE_BEFORE : EVIDENCE_BEFORE_VERB;
      const evidence = r.span(Math.max(cFrom, hit.start - before), Math.min(cTo, hit.end + EVIDENCE_AFTER));
      // One event per type and status in a sentence, unless the sentence tells of it twice apart
      // («الضربات التي شنتها بريطانيا … وقصفت الطائرات منشأة»).
      const key = `${sentence}|${hit.type}|${hit.status}`;
      const earlier = seen.get(key);
      if (earlier && evidence.start < earlier.end) continue;
      seen.set(key, evidence);
      const start = r.tokens[hit.start]!.start;
      const quote = quotes.containing(start)?.quote;
      const [sFrom, sTo] = sentence >= 0 ? r.sentenceRanges[sentence]! : [cFrom, cTo];
      // Offsets, not slices: a sentence may be long and hold many events.
      const clauseStart = r.tokens[cFrom]!.start;
      const clauseEnd = r.tokens[cTo - 1]!.end;
      const place =
        places.first(clauseStart, clauseEnd) ?? places.first(r.tokens[sFrom]!.start, r.tokens[sTo - 1]!.end);
      // The sentence's date, resolved once per sentence.
      let date = dates.get(sentence);
      if (date === undefined) {
        date = resolveDate(doc.text, r.span(sFrom, sTo), doc.meta.published);
        dates.set(sentence, date);
      }
      const { actor, target } = argumentsOf(doc, r, hit, names);
      events.push({
        type: hit.type,
        ...(hit.mode ? { mode: hit.mode } : {}),
        status: hit.status,
        ...(actor ? { actor } : {}),
        ...(target ? { target } : {}),
        ...(place ? { place: { text: place.text, start: place.start, end: place.end } } : {}),
        ...(date ? { date } : {}),
        assertedBy: quote?.speaker ?? 'outlet',
        ...(quote ? { quote: quote.id } : {}),
        trigger: r.span(hit.start, hit.end),
        evidence,
      });
    }
    doc.events = events;
  },
};
