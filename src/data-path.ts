/**
 * Where the project's generated data (lexicons, gazetteer, models) lives:
 * `data/` at the package root, whether the code runs from src/ under tsx or
 * from a build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export function dataPath(relative: string): string {
  return `${root}data/${relative}`;
}

export const packageRoot = root;

/** Rows of a TSV file under data/, without comment lines and blank lines. */
export function readTsv(relative: string): string[][] {
  return readFileSync(dataPath(relative), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}
