/**
 * `isnad extract FILE…`: one article record per line, in input order; one
 * error line for each input that could not be read, and exit status 1 when
 * there was any.
 */
import { defaultPipeline } from '../analyze/index.ts';
import { readInputs } from '../ingest/inputs.ts';
import type { ArticleRecord } from '../record/types.ts';
import { LineWriter } from './output.ts';

export interface ExtractOptions {
  readonly format: 'json' | 'text';
  readonly pretty?: boolean;
  readonly maxBytes?: number;
}

export async function runExtract(files: readonly string[], options: ExtractOptions): Promise<number> {
  const pipeline = defaultPipeline();
  const out = new LineWriter();
  let failures = 0;
  for await (const item of readInputs(files.length ? files : ['-'], { maxBytes: options.maxBytes })) {
    if (item.kind === 'error') {
      failures++;
      await out.line(JSON.stringify({ error: item.error.toJSON(), source: item.source }));
      continue;
    }
    const record = pipeline.analyze(item.article);
    await out.line(
      options.format === 'text'
        ? formatText(record)
        : JSON.stringify(record, null, options.pretty ? 2 : undefined),
    );
  }
  return failures ? 1 : 0;
}

/** A reader's view of a record: title, outlet, each quotation on its own line, then who and where. */
export function formatText(record: ArticleRecord): string {
  const people = new Map(record.people.map((p) => [p.id, p]));
  const lines: string[] = [];
  const head = [record.meta.title, record.meta.outlet, record.meta.published].filter(Boolean).join(' — ');
  lines.push(`\u2067${head || record.id}\u2069`);
  if (!record.quotes.length) lines.push('  (no quotations found)');
  for (const q of record.quotes) {
    const p = q.speaker ? people.get(q.speaker) : undefined;
    const who = p ? `${p.name}${p.titles.length ? ` (${p.titles.join('، ')})` : ''}` : 'غير منسوب';
    const parts = [who, q.verb?.text ?? '', `«${q.content.text}»`];
    if (q.channel) parts.push(q.channel.text);
    lines.push(`  \u2067${parts.filter(Boolean).join(' — ')}\u2069`);
  }
  const LABELS = { PER: 'أشخاص', ORG: 'هيئات', LOC: 'أماكن', MISC: 'أخرى' } as const;
  for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    const names = record.entities.filter((e) => e.type === type).map((e) => e.text);
    if (names.length) lines.push(`  \u2067${LABELS[type]}: ${names.join('، ')}\u2069`);
  }
  if (record.places.length) {
    const where = record.places.map((p) => `${p.text} (${p.name}${p.country ? `, ${p.country}` : ''})`);
    lines.push(`  \u2067${'على الخريطة'}: ${where.join('، ')}\u2069`);
  }
  const STATUS = {
    happened: 'وقع',
    ongoing: 'جار',
    planned: 'مخطط',
    predicted: 'متوقع',
    claimed: 'مزعوم',
    denied: 'منفي',
  } as const;
  const asserted = (id: string) => (id === 'outlet' ? '' : ` — ${people.get(id)?.name ?? id}`);
  for (const e of record.events) {
    const when = [e.place?.text, e.date].filter(Boolean).join('، ');
    lines.push(
      `  \u2067حدث ${e.type}${e.mode ? `/${e.mode}` : ''} (${STATUS[e.status]})${asserted(e.assertedBy)}: «${e.evidence.text}»${when ? ` — ${when}` : ''}\u2069`,
    );
  }
  for (const c of record.claims) {
    const who = c.speaker ? (people.get(c.speaker)?.name ?? c.speaker) : 'غير منسوب';
    lines.push(`  \u2067ادعاء ${c.kind} — ${who}: «${c.text}»${c.due ? ` — موعده ${c.due}` : ''}\u2069`);
  }
  for (const d of record.diagnostics) lines.push(`  ! ${d.code}: ${d.message}`);
  return lines.join('\n');
}
