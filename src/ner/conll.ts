/**
 * CoNLL-style token files: one token a line, its first column the token and
 * any further columns (whitespace-separated) kept; a blank line between
 * sentences. ANERcorp and AQMAR are in this shape with the gold tag last.
 */
export interface ConllLine {
  /** The line as read (without its newline). */
  readonly raw: string;
  readonly token: string;
  /** The columns after the token. */
  readonly columns: readonly string[];
}

/** Sentences of a CoNLL text; lines that hold only spaces count as blank. */
export function readConll(text: string): ConllLine[][] {
  const sentences: ConllLine[][] = [];
  let current: ConllLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const cols = raw.trim().split(/\s+/);
    if (!raw.trim()) {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    current.push({ raw, token: cols[0]!, columns: cols.slice(1) });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/** Entity-level precision, recall and F1 of predicted against gold tag sequences (conlleval's reading). */
export function spanScore(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  spans: (tags: readonly string[]) => { type: string; start: number; end: number }[],
): { p: number; r: number; f1: number; gold: number; predicted: number; correct: number } {
  let g = 0;
  let p = 0;
  let c = 0;
  gold.forEach((tags, k) => {
    const gs = new Set(spans(tags).map((s) => `${s.type}:${s.start}:${s.end}`));
    const ps = spans(predicted[k]!).map((s) => `${s.type}:${s.start}:${s.end}`);
    g += gs.size;
    p += ps.length;
    for (const s of ps) if (gs.has(s)) c++;
  });
  const P = p ? c / p : 0;
  const R = g ? c / g : 0;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0, gold: g, predicted: p, correct: c };
}
