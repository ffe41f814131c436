/**
 * Where the project's generated data (lexicons, gazetteer, models) lives:
 * `data/` at the package root, whether the code runs from src/ under tsx or
 * from a build.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export function dataPath(relative: string): string {
  return `${root}data/${relative}`;
}

export const packageRoot = root;
