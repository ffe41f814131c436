/**
 * For the scripts that read the Arabic PLOVER gold standard
 * (../shared/data/event-gsr/{assault,protest}_gsr.csv): its rows, parsed as
 * ../shared/eval/eventdet.mjs parses them.
 */
import { readFileSync } from 'node:fs';

export const GSR_DIR = new URL('../../shared/data/event-gsr/', import.meta.url).pathname;

export interface GsrRow {
  readonly label: string;
  readonly text: string;
  /** The row as read, every column. */
  readonly cells: string[];
}

/** The header and rows of one GSR file (ASSAULT or PROTEST). */
export function readGsr(name: 'assault' | 'protest'): { head: string[]; rows: GsrRow[] } {
  const [head, ...rows] = parseCsv(readFileSync(`${GSR_DIR}${name}_gsr.csv`, 'utf8')).filter(
    (r) => r.length > 1,
  );
  const label = head!.indexOf('label');
  const text = head!.indexOf('text');
  return { head: head!, rows: rows.map((cells) => ({ label: cells[label]!, text: cells[text]!, cells })) };
}

/** RFC 4180: quoted fields may hold commas, quotes and newlines. */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          f += '"';
          i++;
        } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else if (c !== '\r') f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

/** One CSV line from cells, quoting where needed. */
export function toCsv(cells: readonly string[]): string {
  return cells.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
