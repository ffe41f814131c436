/**
 * A reader over one Doc for the quotation finder: tokens with their word
 * forms, the sentence and quotation-pair each token belongs to, and the
 * predicates the phrase parsers share («is this a complementizer?», «does a
 * channel start here?»). Everything is by token index; spans of text are
 * made from token ranges at the end.
 */
import type { TextSpan } from '../../record/types.ts';
import { wordFrequencies } from '../../text/lexicon.ts';
import type { QuotePair } from '../../text/sentences.ts';
import type { Token } from '../../text/tokenize.ts';
import type { Doc } from '../doc.ts';
import { isFunctionWord, type Lexicons, lexicons, type VerbCue } from '../lexicons.ts';
import { type Word, words } from '../words.ts';

/** Verbal nouns that, after «بـ», continue a report, and the participle they stand for (search form). */
const VERBAL_NOUNS = new Map([
  ['القول', 'قايلا'],
  ['التاكيد', 'موكدا'],
  ['الاشاره', 'مشيرا'],
  ['التحذير', 'محذرا'],
  ['الاعلان', 'معلنا'],
  ['المطالبه', 'مطالبا'],
]);

/** Words that make a following «أن» adverbial (folded cores). */
const ADVERBIAL_AN = new Set([
  'قبل',
  'بعد',
  'منذ',
  'دون',
  'حتي',
  'بدل',
  'بدلا',
  'عوضا',
  'ريثما',
  'لحين',
  'حين',
]);
const BOUNDARY_PUNCT = new Set([
  '،',
  ',',
  '؛',
  ';',
  ':',
  '.',
  '!',
  '?',
  '؟',
  '…',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '—',
  '|',
  '/',
]);

const readers = new WeakMap<Doc, Reader>();

export class Reader {
  readonly lex: Lexicons = lexicons();
  readonly tokens: readonly Token[];
  readonly words: readonly Word[];
  readonly text: string;
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** Paragraph index of each token. */
  readonly paragraphOf: Int32Array;
  /** Token ranges [start, end) of each sentence. */
  readonly sentenceRanges: [number, number][] = [];
  /** The quotation pair a token opens or closes, by token index. */
  readonly pairAtOpen = new Map<number, QuotePair & { openTok: number; closeTok: number }>();
  readonly pairAtClose = new Map<number, QuotePair & { openTok: number; closeTok: number }>();
  private readonly freq = wordFrequencies();

  /**
   * The reader of a Doc, made once: the quotation and entities components
   * read the same tokens, and its caches (cues asked per token) serve both.
   */
  static of(doc: Doc): Reader {
    let r = readers.get(doc);
    if (!r) {
      r = new Reader(doc);
      readers.set(doc, r);
    }
    return r;
  }

  constructor(readonly doc: Doc) {
    this.tokens = doc.tokens;
    this.words = words(doc);
    this.text = doc.text;
    const n = this.tokens.length;
    this.sentenceOf = new Int32Array(n).fill(-1);
    this.paragraphOf = new Int32Array(n).fill(-1);
    const s = doc.structure;
    if (!s) return;
    let t = 0;
    for (const sent of s.sentences) {
      while (t < n && this.tokens[t]!.start < sent.start) t++;
      const from = t;
      while (t < n && this.tokens[t]!.end <= sent.end) {
        this.sentenceOf[t] = sent.index;
        this.paragraphOf[t] = sent.paragraph;
        t++;
      }
      this.sentenceRanges[sent.index] = [from, t];
    }
    const byOffset = new Map<number, number>();
    this.tokens.forEach((tok, i) => {
      if (tok.kind === 'quote') byOffset.set(tok.start, i);
    });
    for (const p of s.quotePairs) {
      const openTok = byOffset.get(p.open);
      const closeTok = byOffset.get(p.close);
      if (openTok === undefined || closeTok === undefined) continue;
      const pair = { ...p, openTok, closeTok };
      this.pairAtOpen.set(openTok, pair);
      this.pairAtClose.set(closeTok, pair);
    }
  }

  get length(): number {
    return this.tokens.length;
  }

  private paragraphStarts: Int32Array | null = null;
  /** The first token of paragraph `para`, or -1. */
  paragraphStartToken(para: number): number {
    if (!this.paragraphStarts) {
      const count = (this.doc.structure?.paragraphs.length ?? 0) + 1;
      this.paragraphStarts = new Int32Array(count).fill(-1);
      for (let i = this.tokens.length - 1; i >= 0; i--) {
        const p = this.paragraphOf[i]!;
        if (p >= 0) this.paragraphStarts[p] = i;
      }
    }
    return this.paragraphStarts[para] ?? -1;
  }

  // ---- token classes ----

  isPunct(i: number): boolean {
    const t = this.tokens[i];
    return !!t && t.kind === 'punct' && BOUNDARY_PUNCT.has(t.text[0]!);
  }
  isComma(i: number): boolean {
    const t = this.tokens[i];
    return !!t && (t.text === '،' || t.text === ',');
  }
  isColon(i: number): boolean {
    return this.tokens[i]?.text === ':';
  }
  isQuote(i: number): boolean {
    return this.tokens[i]?.kind === 'quote';
  }
  isArabic(i: number): boolean {
    return this.tokens[i]?.kind === 'arabic';
  }
  /** «أن/إن/بأن/أنه/إنها…», not «لأن» (because). */
  isComplementizer(i: number): boolean {
    const w = this.words[i];
    // «بأن» is too short for the segmenter to split: it stays one word.
    return !!w && w.arabic && ((w.stem === 'ان' && w.prep !== 'ل' && w.prep !== 'ك') || w.core === 'بان');
  }
  /** «قبل أن», «بعد أن», «منذ أن», «دون أن»: an adverbial «أن», never the start of reported content. */
  isAdverbialAn(i: number): boolean {
    const prev = this.words[i - 1];
    return this.isComplementizer(i) && !!prev?.arabic && ADVERBIAL_AN.has(prev.core);
  }
  /** The token carries the future prefix «سـ» («سيقصف», «ستنتهي»). */
  isFuture(i: number): boolean {
    return this.doc.segments[i]?.some((p) => p.role === 'fut') ?? false;
  }
  /** The preposition a token is or starts with: «في» «عن» …, or an attached ب/ل. */
  preposition(i: number): string | null {
    const w = this.words[i];
    if (!w?.arabic) return null;
    if (isFunctionWord(this.lex, w.core, 'preposition')) return w.core;
    return w.prep;
  }
  /** «عليه», «منها», «لهم»: a preposition carrying its pronoun object. */
  isPrepositionStem(i: number): boolean {
    const w = this.words[i];
    return (
      !!w &&
      w.pronoun &&
      (isFunctionWord(this.lex, w.stem, 'preposition') || w.stem === 'ل' || w.stem === 'ب')
    );
  }
  isFunction(i: number, category: string): boolean {
    const w = this.words[i];
    return !!w && isFunctionWord(this.lex, w.core, category);
  }
  isTime(i: number): boolean {
    const w = this.words[i];
    if (!w?.arabic) return false;
    if (isFunctionWord(this.lex, w.core, 'time') || isFunctionWord(this.lex, w.nominal, 'time')) return true;
    // «الأسبوع الماضي», «العام الجاري»: a time noun with a time adjective after it.
    const next = this.words[i + 1];
    return (
      isFunctionWord(this.lex, w.core, 'time-noun') && !!next && isFunctionWord(this.lex, next.core, 'time')
    );
  }
  /**
   * A reporting verb or participle at token i: the word without its
   * conjunction, or without an object pronoun («يتهمهما»), or with a leading
   * و/ف the segmenter kept («واضاف» written without its hamza).
   */
  verbCue(i: number): VerbCue | undefined {
    // Asked many times per token by the phrase parsers: computed once.
    let hit = this.cueCache.get(i);
    if (hit === undefined) {
      hit = this.findVerbCue(i) ?? null;
      this.cueCache.set(i, hit);
    }
    return hit ?? undefined;
  }
  private readonly cueCache = new Map<number, VerbCue | null>();

  private findVerbCue(i: number): VerbCue | undefined {
    const w = this.words[i];
    if (!w?.arabic) return undefined;
    const v = this.lex.verbs;
    // «وختم بالقول إن …», «ترد الخارجية بالتأكيد على أن …»: «بـ» + the verbal noun of a reporting verb
    // works as its participle.
    if (w.prep === 'ب' && w.definite) {
      const participle = VERBAL_NOUNS.get(w.nominal);
      if (participle) return v.get(participle);
    }
    if (w.prep || w.definite) return undefined;
    const hit = v.get(w.core) ?? (w.pronoun ? v.get(w.stem) : undefined);
    if (hit || w.conj || (w.fold[0] !== 'و' && w.fold[0] !== 'ف')) return hit;
    const rest = w.fold.slice(1);
    return v.get(rest) ?? v.get(rest.replace(/(هما|هم|هن|ها|ه|كم|نا)$/, ''));
  }
  /** The head noun class of a word, looked up without its article and clitics. */
  headClass(i: number): 'title' | 'org' | 'group' | 'channel' | null {
    const w = this.words[i];
    if (!w?.arabic) return null;
    const key = w.base;
    // «أمام» (before) and «إمام» (imam) fold alike; the hamza's seat tells them apart.
    if (key === 'امام' && /^[وف]?أ/.test(this.surface(i))) return null;
    if (this.lex.personTitles.has(key)) return 'title';
    if (this.lex.groupHeads.has(key) || this.lex.groupHeads.has(w.core)) return 'group';
    if (this.lex.orgHeads.has(key)) return 'org';
    if (this.lex.channels.get(key)?.noun) return 'channel';
    // «إن مسؤولا محليا أبلغ …», «أن مصدرا أمنيا قال …»: an indefinite head in the accusative.
    if (this.accusativeHead(i)) return this.lex.personTitles.has(key.slice(0, -1)) ? 'title' : 'group';
    return null;
  }
  /**
   * A title or group head with the accusative «ـًا» («مسؤولا», «مصدرا»): the
   * subject of «إنّ/أنّ/لكنّ», but right after a verb the object, never its subject.
   */
  accusativeHead(i: number): boolean {
    const w = this.words[i];
    if (!w?.arabic || w.definite || w.prep || w.pronoun || !w.base.endsWith('ا') || w.base.length < 4)
      return false;
    const bare = w.base.slice(0, -1);
    return this.lex.personTitles.has(bare) || this.lex.groupHeads.has(bare);
  }

  /**
   * Is the word at i likely part of a person's name? Listed name words and
   * name particles are; definite words, heads and function words are not;
   * otherwise a word the corpus often writes with the article is a common
   * noun or adjective («كبير» «السياسي»), and one it rarely does is a name.
   */
  isNameLike(i: number): boolean {
    const w = this.words[i];
    const t = this.tokens[i];
    if (!w || !t) return false;
    if (t.kind === 'latin' || t.kind === 'hashtag') return true;
    if (!w.arabic || w.prep || w.pronoun) return false;
    if (this.lex.personNames.has(w.core) || isFunctionWord(this.lex, w.core, 'name-particle')) return true;
    if (w.definite || w.core.length < 2) return false;
    if (this.lex.commonWords.has(w.core) || this.lex.commonWords.has(w.fold)) return false;
    // «أسفها», «موقفهم»: a pronoun the segmenter left on a known word.
    const surface = this.surface(i);
    const pron = /(هما|هم|هن|ها)$/.exec(surface);
    if (pron && this.freq.count(surface.slice(0, -pron[0].length)) >= 20) return false;
    if (this.headClass(i) || this.verbCue(i) || this.isComplementizer(i)) return false;
    for (const cat of ['preposition', 'time', 'relative', 'discourse', 'auxiliary', 'commentary']) {
      if (isFunctionWord(this.lex, w.core, cat)) return false;
    }
    // «بديلا», «مصدرا»: an accusative common noun («البديل» is common, and more frequent bare than with
    // the alef), never a subject's name; «سوريا», «روسيا» are names (far more frequent with the alef).
    if (w.core.endsWith('ا')) {
      const base = this.surface(i).slice(0, -1);
      if (this.freq.count(`ال${base}`) > 50 && this.freq.count(base) > this.freq.count(this.surface(i)))
        return false;
    }
    const bare = this.freq.count(this.surface(i));
    const withArticle = this.freq.count(`ال${this.surface(i)}`);
    if (bare + withArticle > 150 && withArticle > 0.15 * bare) return false;
    return true;
  }

  /**
   * Does the corpus almost never write this definite word without its
   * article? Then the article is part of a proper name: «العراق», «الناتو».
   */
  rarelyBare(i: number): boolean {
    const w = this.words[i]!;
    if (!w.definite) return false;
    const surface = this.surface(i);
    const withArticle = this.freq.count(surface.replace(/^[بلك]/, '').replace(/^ل(?=[^ا])/, 'ال'));
    const bare = this.freq.count(surface.replace(/^[بلك]?(ال|ل)/, ''));
    return withArticle >= 20 && bare < 0.05 * withArticle;
  }

  /** How often the corpus has this word (as written, without a conjunction). */
  frequency(i: number): number {
    return this.freq.count(this.surface(i));
  }

  /** Does the corpus rarely write this definite word in the feminine («الجابري» but not «الجابرية»)? */
  feminineRare(i: number): boolean {
    const w = this.words[i]!;
    const masc = this.surface(i).replace(/^[بلك]?(ال|ل)/, '');
    const m = this.freq.count(`ال${masc}`);
    const f = this.freq.count(`ال${masc}ة`);
    return f < 0.1 * Math.max(m, 1) && w.definite;
  }

  /** The token's text without a leading conjunction, diacritics kept off: for frequency lookups. */
  surface(i: number): string {
    const t = this.tokens[i]!;
    const parts = this.doc.segments[i];
    const from = parts?.[0]?.role === 'conj' ? parts[0].end : 0;
    return t.text.slice(from).replace(/[\u064b-\u0652\u0640]/g, '');
  }

  // ---- spans ----

  /** Character span of tokens [a, b), optionally without a leading conjunction on the first. */
  span(a: number, b: number, dropConj = false): TextSpan {
    let start = this.tokens[a]!.start;
    if (dropConj) {
      const parts = this.doc.segments[a];
      if (parts?.[0]?.role === 'conj' && parts.length > 1) start += parts[0].end;
    }
    const end = this.tokens[b - 1]!.end;
    return { text: this.text.slice(start, end), start, end };
  }

  /** The last token index of the sentence holding token i (exclusive end). */
  sentenceEnd(i: number): number {
    const s = this.sentenceOf[i]!;
    return s >= 0 ? this.sentenceRanges[s]![1] : this.tokens.length;
  }
  sentenceStart(i: number): number {
    const s = this.sentenceOf[i]!;
    return s >= 0 ? this.sentenceRanges[s]![0] : 0;
  }
}
