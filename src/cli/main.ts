/**
 * The `isnad` command line. Commands parse their options here and call into
 * the library; errors at this edge print one clear line and set the exit code.
 */

import { Command, InvalidArgumentError, Option } from 'commander';
import { IsnadError } from '../errors.ts';
import { runExtract } from './extract.ts';
import { runEnqueue, runQueueStatus, runQueueWorker, type WorkerCommandOptions } from './queue-commands.ts';
import { runServe, type ServeCommandOptions } from './serve-command.ts';
import {
  type IngestCommandOptions,
  runErrors,
  runExport,
  runIngest,
  runReanalyze,
  runSearch,
} from './store-commands.ts';
import { runTag } from './tag.ts';

const VERSION = '0.1.0';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export function buildProgram(): Command {
  const program = new Command()
    .name('isnad')
    .description(
      'Reads Arabic news and records, with evidence, who said what, through whom, about whom, where and when.',
    )
    .version(VERSION);

  program
    .command('extract')
    .description(
      'analyse each file (.txt, .html, .jsonl, .jsonl.gz, - for stdin) and print one article record per line',
    )
    .argument('[files...]', 'inputs, in order; - reads standard input')
    .addOption(
      new Option(
        '--format <format>',
        'json: article records (JSON Lines); text: quotations, entities and places for reading',
      )
        .choices(['json', 'text'])
        .default('json'),
    )
    .option('--pretty', 'indent JSON records (no longer one per line)')
    .option('--max-bytes <n>', 'largest file read whole, in bytes', positiveInt)
    .action(
      async (files: string[], opts: { format: 'json' | 'text'; pretty?: boolean; maxBytes?: number }) => {
        process.exitCode = await runExtract(files, opts);
      },
    );

  program
    .command('tag')
    .description('append a predicted BIO entity tag to each line of a CoNLL-style token file')
    .requiredOption(
      '--conll <file>',
      'tokens one a line (first column), blank lines between sentences; - for stdin',
    )
    .option('--max-bytes <n>', 'largest file read whole, in bytes', positiveInt)
    .action(async (opts: { conll: string; maxBytes?: number }) => {
      process.exitCode = await runTag(opts.conll, { maxBytes: opts.maxBytes });
    });

  const dbOption = () =>
    new Option('--db <store>', 'the store: a SQLite file, or a postgres:// URL').default('./isnad.db');

  program
    .command('ingest')
    .description(
      'load articles into the store: files, folders, .jsonl/.jsonl.gz, RSS/Atom feeds, WARC/.warc.gz; idempotent',
    )
    .argument('[sources...]', 'files and folders; - reads standard input')
    .addOption(dbOption())
    .option('--workers <n>', 'analysis threads (default: the cores)', nonNegativeInt)
    .option('--batch <n>', 'articles per analysis job', positiveInt)
    .option('--max-bytes <n>', 'largest file read whole, in bytes', positiveInt)
    .option(
      '--queue <url>',
      'enqueue on this Redis queue for `isnad worker` processes, instead of analysing here',
    )
    .option('--queue-name <name>', 'the queue (several ingests can share one Redis)')
    .option('--wait', 'with --queue: wait until the workers have taken every job')
    .option('--json', 'print the summary as JSON')
    .action(async (sources: string[], opts: IngestCommandOptions, cmd: Command) => {
      process.exitCode = opts.queue
        ? await runEnqueue(sources, {
            ...opts,
            queue: opts.queue,
            db: cmd.getOptionValueSource('db') === 'cli' ? opts.db : undefined,
          })
        : await runIngest(sources, opts);
    });

  program
    .command('worker')
    .description(
      'take jobs from a queue, analyse them and write them to the store, until stopped (SIGINT, SIGTERM)',
    )
    .requiredOption('--queue <url>', 'the Redis queue, as given to `isnad ingest --queue`')
    .addOption(dbOption())
    .option('--queue-name <name>', 'the queue (several ingests can share one Redis)')
    .option(
      '--lock-ms <n>',
      "how soon a dead worker's job goes back to the queue (default 30000)",
      positiveInt,
    )
    .action(async (opts: WorkerCommandOptions) => {
      process.exitCode = await runQueueWorker(opts);
    });

  program
    .command('queue')
    .description("a queue's jobs (waiting, active, delayed, completed, failed) and its dead letters")
    .requiredOption('--queue <url>', 'the Redis queue')
    .option('--queue-name <name>', 'the queue')
    .option('--dead', 'list the dead letters: articles no attempt could store, with their error')
    .option('--json', 'print as JSON')
    .action(async (opts: { queue: string; queueName?: string; dead?: boolean; json?: boolean }) => {
      process.exitCode = await runQueueStatus(opts);
    });

  program
    .command('errors')
    .description('list the errors recorded by ingests: source, code, message')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many', positiveInt)
    .option('--json', 'one JSON object a line')
    .action(async (opts: { db: string; limit?: number; json?: boolean }) => {
      process.exitCode = await runErrors(opts);
    });

  program
    .command('search')
    .description(
      'Arabic-aware search: words (every one must occur), "phrases", prefix*, -exclusions, and filters',
    )
    .argument(
      '[query...]',
      'the query (words may also carry filters: speaker:… org:… place:… type:… outlet:…)',
    )
    .addOption(dbOption())
    .option('--speaker <name>', 'quoted speaker (full name, or one word of it)')
    .option('--org <name>', 'organisation named in the article (as written or its canonical name)')
    .option('--place <name>', 'place named in the article (as written or its gazetteer name)')
    .option('--type <plover>', 'event type the article reports (ASSAULT, PROTEST …)')
    .option('--outlet <name>', 'outlet')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--limit <n>', 'hits to print (default 10, at most 100)', positiveInt)
    .option('--offset <n>', 'hits to pass over first', nonNegativeInt)
    .option('--json', 'print the result as JSON')
    .action(async (words: string[], opts: Record<string, string | number | boolean | undefined>) => {
      process.exitCode = await runSearch(words.join(' '), opts as Parameters<typeof runSearch>[1]);
    });

  program
    .command('export')
    .description(
      'write the store out: jsonl (article records), csv (quotations), geojson (places and events)',
    )
    .addOption(dbOption())
    .addOption(
      new Option('--format <format>', 'what to write').choices(['jsonl', 'csv', 'geojson']).default('jsonl'),
    )
    .addOption(
      new Option('--layer <layer>', 'geojson: places, events or both')
        .choices(['places', 'events', 'all'])
        .default('all'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action(
      async (opts: {
        db: string;
        format: 'jsonl' | 'csv' | 'geojson';
        layer: 'places' | 'events' | 'all';
        out?: string;
      }) => {
        process.exitCode = await runExport(opts);
      },
    );

  program
    .command('serve')
    .description('serve the HTTP API (/openapi.json) and the web UI over the store')
    .addOption(dbOption())
    .option('--port <n>', 'port (default 8080; 0 for any free one)', nonNegativeInt)
    .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only)')
    .option('--token-file <file>', 'the bearer token that ingest requires (or ISNAD_TOKEN)')
    .option('--new-token', 'make a random ingest token for this run and print the UI address carrying it')
    .option('--no-demo', "do not offer the corpus's Iraq–Syria slice")
    .option('--no-search-cache', 'search the store every time (results are otherwise kept until it changes)')
    .action(async (opts: ServeCommandOptions) => {
      process.exitCode = await runServe(opts);
    });

  program
    .command('reanalyze')
    .description('analyse again the stored articles an older pipeline made (after an upgrade)')
    .addOption(dbOption())
    .option('--all', 'every stored article, whatever made it')
    .option('--batch <n>', 'records per write transaction', positiveInt)
    .action(async (opts: { db: string; all?: boolean; batch?: number }) => {
      process.exitCode = await runReanalyze(opts);
    });

  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof IsnadError) {
      process.stderr.write(`isnad: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
