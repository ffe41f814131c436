/**
 * Multi-word names matched word by word: a lookup extends a phrase one word
 * at a time and stops as soon as no listed name begins with what it has.
 * These are the "begins with" keys: every proper prefix, in whole words.
 */
export function wordPrefixes(phrase: string): string[] {
  const words = phrase.split(' ');
  const out: string[] = [];
  for (let k = 1; k < words.length; k++) out.push(words.slice(0, k).join(' '));
  return out;
}
