/**
 * For developers: analyse one text given on the command line and print its
 * quotations (speaker, verb, kind, content, channel) and people, to see how a
 * construction is read.
 *
 *   npx tsx scripts/quote-trace.ts "وقال الوزير إن …"
 */
process.env.ISNAD_TRACE_QUOTES ??= '1';
const { defaultPipeline } = await import('../src/analyze/index.ts');

const text = process.argv.slice(2).join(' ');
const rec = defaultPipeline().analyze({ text, meta: {} });
const people = new Map(rec.people.map((p) => [p.id, p]));
for (const q of rec.quotes) {
  const p = q.speaker ? people.get(q.speaker) : undefined;
  console.log(
    `${q.id} ${q.kind} [${p?.name ?? '∅'}${p?.titles.length ? ` | ${p.titles.join(' ; ')}` : ''}] ${q.verb?.text ?? ''}: «${q.content.text}»${q.channel ? ` ch: ${q.channel.text} (${q.channel.kind})` : ''}`,
  );
}
if (!rec.quotes.length) console.log('(no quotations)');
for (const d of rec.diagnostics) console.log(`! ${d.code}: ${d.message}`);
