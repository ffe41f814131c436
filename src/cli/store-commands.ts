/**
 * The store's commands: ingest, errors, search, reanalyze. Each opens the
 * store named by --db (a SQLite path, default ./isnad.db, or a postgres://
 * URL), does its work, and closes it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { defaultPipeline } from '../analyze/index.ts';
import { type ExportFormat, exportLines } from '../export/index.ts';
import { defaultWorkers } from '../ingest/analysis.ts';
import { ingest } from '../ingest/ingest.ts';
import type { SearchFilters } from '../search/query.ts';
import { type AnalysedArticle, indexEntry } from '../store/index-entry.ts';
import { DEFAULT_DB, openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { LineWriter } from './output.ts';
import { progressPrinter } from './progress.ts';

export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db ?? DEFAULT_DB);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface IngestCommandOptions {
  readonly db?: string;
  readonly queue?: string;
  readonly queueName?: string;
  readonly wait?: boolean;
  readonly workers?: number;
  readonly batch?: number;
  readonly maxBytes?: number;
  readonly json?: boolean;
}

export async function runIngest(sources: readonly string[], opts: IngestCommandOptions): Promise<number> {
  return withStore(opts.db, async (store) => {
    const result = await ingest(sources.length ? sources : ['-'], store, {
      workers: opts.workers ?? defaultWorkers(),
      jobSize: opts.batch,
      maxBytes: opts.maxBytes,
      onProgress: progressPrinter(),
    });
    const counts = await store.counts();
    const summary = { ...result, store: store.location, counts };
    const out = new LineWriter();
    if (opts.json) await out.line(JSON.stringify(summary));
    else {
      await out.line(
        `${result.stored} stored, ${result.present} already there, ${result.errors} errors; the store ${store.location} holds ${counts.articles} articles, ${counts.persons} persons, ${counts.quotes} quotations (${counts.clusters} statements), ${counts.errors} recorded errors`,
      );
      if (result.errors) await out.line('see them with: isnad errors');
    }
    return result.errors ? 1 : 0;
  });
}

export async function runErrors(opts: { db?: string; limit?: number; json?: boolean }): Promise<number> {
  return withStore(opts.db, async (store) => {
    const out = new LineWriter();
    const errors = await store.errors({ limit: opts.limit ?? 1000 });
    for (const e of errors)
      await out.line(opts.json ? JSON.stringify(e) : `${e.at}  ${e.code}  ${e.source}  ${e.message}`);
    if (!opts.json && !errors.length) await out.line('no errors recorded');
    return 0;
  });
}

export interface SearchCommandOptions extends SearchFilters {
  readonly db?: string;
  readonly limit?: number;
  readonly offset?: number;
  readonly json?: boolean;
}

export async function runSearch(query: string, opts: SearchCommandOptions): Promise<number> {
  const { db, json, limit, offset, ...filters } = opts;
  return withStore(db, async (store) => {
    const out = new LineWriter();
    const started = performance.now();
    const result = await store.search(query, { ...filters, limit, offset });
    const ms = performance.now() - started;
    if (json) {
      await out.line(
        JSON.stringify({ total: result.total, hits: result.hits, notes: result.query.notes, ms }),
      );
      return 0;
    }
    for (const n of result.query.notes) process.stderr.write(`isnad search: ${n}\n`);
    await out.line(`${result.total} matching article${result.total === 1 ? '' : 's'} (${ms.toFixed(0)} ms)`);
    for (const h of result.hits) {
      const head = [h.title, h.outlet, h.published?.slice(0, 10)].filter(Boolean).join(' — ');
      await out.line(`\n\u2067${head || h.id}\u2069  [${h.id}${h.score ? ` · ${h.score.toFixed(2)}` : ''}]`);
      await out.line(`  \u2067${highlight(h.snippet.text, h.snippet.start, h.snippet.highlights)}\u2069`);
      if (h.url) await out.line(`  ${h.url}`);
    }
    return 0;
  });
}

/** The snippet with its matched words in «…» marks (or bold on a terminal). */
function highlight(text: string, base: number, spans: readonly { start: number; end: number }[]): string {
  const tty = process.stdout.isTTY;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start - base);
    const word = text.slice(s.start - base, s.end - base);
    out += tty ? `\u001b[1m${word}\u001b[22m` : `[${word}]`;
    at = s.end - base;
  }
  return out + text.slice(at);
}

/** Analyse again every stored article another pipeline version made, replacing its rows. */
export async function runReanalyze(opts: { db?: string; batch?: number; all?: boolean }): Promise<number> {
  return withStore(opts.db, async (store) => {
    const pipeline = defaultPipeline();
    const version = pipeline.config.version;
    const stale = opts.all ? (await store.counts()).articles : await store.staleCount(version);
    const started = performance.now();
    let done = 0;
    let batch: AnalysedArticle[] = [];
    const flush = async () => {
      await store.write(batch, { replace: true });
      done += batch.length;
      batch = [];
      process.stderr.write(`\rreanalyze: ${done}/${stale}`);
    };
    // Records first, then writes: the pages read never change under the reader.
    const ids: string[] = [];
    for await (const r of store.records(opts.all ? {} : { pipelineNot: version })) ids.push(r.id);
    for (const id of ids) {
      const old = await store.get(id);
      if (!old) continue;
      const record = pipeline.analyze({ text: old.text, meta: old.meta });
      batch.push({ record, pipeline: version, index: indexEntry(record) });
      if (batch.length >= (opts.batch ?? 100)) await flush();
    }
    if (batch.length) await flush();
    process.stderr.write(`\n`);
    const out = new LineWriter();
    await out.line(
      `${done} article${done === 1 ? '' : 's'} analysed again with pipeline ${version} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  });
}

export async function runExport(opts: {
  db?: string;
  format: ExportFormat;
  layer?: 'places' | 'events' | 'all';
  out?: string;
}): Promise<number> {
  return withStore(opts.db, async (store) => {
    const target = opts.out && opts.out !== '-' ? createWriteStream(opts.out) : process.stdout;
    const out = new LineWriter(target);
    let n = 0;
    for await (const line of exportLines(store, opts.format, opts.layer)) {
      await out.line(line);
      n++;
    }
    if (target !== process.stdout) {
      await new Promise<void>((resolve, reject) =>
        (target as WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      process.stderr.write(`export: ${n} lines of ${opts.format} → ${opts.out}\n`);
    }
    return 0;
  });
}
