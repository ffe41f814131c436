/** The Arabic text core: pure functions over strings, with offsets everywhere. */
export * as chars from './chars.ts';
export {
  type CliticSegmenter,
  cliticSegmenter,
  createSegmenter,
  type Segment,
  type SegmentRole,
} from './clitics.ts';
export { type Decoded, decodeBytes, type EncodingName, resolveEncodingLabel, sniffBinary } from './decode.ts';
export { frequenciesFrom, type WordFrequencies, wordFrequencies } from './lexicon.ts';
export {
  dediacritise,
  foldDigits,
  foldKey,
  foldLetters,
  type NormalizeOptions,
  normalize,
  SEARCH_FORM,
  searchForm,
  stripControls,
  type View,
} from './normalize.ts';
export {
  analyseStructure,
  type Paragraph,
  type QuotePair,
  type Sentence,
  type TextStructure,
  type UnmatchedMark,
} from './sentences.ts';
export { lightStem } from './stem.ts';
export { type Token, type TokenKind, tokenize } from './tokenize.ts';
