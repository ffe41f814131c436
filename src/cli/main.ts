/**
 * The `isnad` command line. Commands parse their options here and call into
 * the library; errors at this edge print one clear line and set the exit code.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { IsnadError } from '../errors.ts';
import { runExtract } from './extract.ts';
import { runTag } from './tag.ts';

const VERSION = '0.1.0';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
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
