/**
 * Finding quotations: reporting cues, their speakers, channels and content.
 *
 * For each cue — a reporting verb («قال», «أكد»), a circumstantial
 * participle continuing an earlier one («موضحا»), a passive with no source
 * («أفيد بأن»), or an attribution («بحسب X») — the finder reads to the right:
 * the subject (or, failing that, a subject before the verb, or the latest
 * agreeing speaker), time words and channels («في بيان ورد لوكالة …»), then
 * the content: quotation marks, an «أن/إن» clause, or the phrase the verb
 * governs («طالب بـ…», «دعا إلى…»). Indirect content runs to the end of the
 * reported clause: the sentence end, or a comma before a continuation
 * («، موضحا»), an attribution («، حسب»), a new speaker («، وقال X») or the
 * outlet's own remark («، مما يشير»).
 */
import type { Diagnostic, TextSpan } from '../../record/types.ts';
import type { ContentKind, Gender, GrammaticalNumber, VerbCue } from '../lexicons.ts';
import type { Entry, People } from './people.ts';
import { channelStartsAt, outletAt, type Phrase, parsePhrase, properDefinite } from './phrase.ts';
import type { Reader } from './reader.ts';

export interface Channel {
  readonly kind: string;
  readonly span: TextSpan;
  readonly source?: string;
}

export interface Found {
  readonly kind: 'direct' | 'indirect' | 'mixed';
  readonly speaker: Entry | null;
  readonly verb: { span: TextSpan; lemma: string } | null;
  readonly content: TextSpan;
  channel: Channel | null;
  readonly confidence: number;
  /** Token range of the content, to keep cues inside it from starting quotes of their own. */
  readonly contentTokens: [number, number];
  readonly cueToken: number;
}

interface Content {
  kind: 'direct' | 'indirect' | 'mixed';
  start: number; // token index where the content starts (a quotation mark for direct)
  end: number; // token index after the content
  span: TextSpan;
  /** A channel met between an object and the content («أبلغ بوتن، خلال اجتماع …، أن …»). */
  channel?: Channel | null;
}

/** Prepositions of time and circumstance that end a channel phrase («لدى وصوله»), folded. */
const CHANNEL_TIME_PREPOSITIONS = new Set(['اثناء', 'خلال', 'عقب', 'قبيل', 'بعيد', 'طوال', 'لدي']);

/** Verbal nouns of telling after «دون» («دون ذكر تفاصيل»), folded. */
const UNSAID = new Set([
  'ذكر',
  'اضافه',
  'تقديم',
  'كشف',
  'اشاره',
  'توضيح',
  'اعطاء',
  'تحديد',
  'خوض',
  'تفاصيل',
  'الخوض',
]);

/** Head nouns of news media (folded, without the article). */
const MEDIA_HEADS = new Set(['صحيفه', 'وكاله', 'قناه', 'شبكه', 'موقع', 'اذاعه', 'تلفزيون', 'مجله', 'جريده']);

/** ISNAD_TRACE_QUOTES=1 prints how each reporting verb was read (scripts/quote-trace.ts sets it). */
const TRACE = process.env.ISNAD_TRACE_QUOTES === '1';
const LABEL_MAX_TOKENS = 3;
const SHORT_DIRECT_MIN = 2;

export class QuoteFinder {
  readonly found: Found[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** The latest pair of speakers named together, for a dual verb with no subject («وطلبا»). */
  private lastPair: Entry[] | null = null;
  /** content start:end:speaker of each quotation, against duplicates. */
  private readonly keys = new Set<string>();

  constructor(
    private readonly r: Reader,
    private readonly people: People,
  ) {}

  run(): Found[] {
    const r = this.r;
    for (let i = 0; i < r.length; i++) {
      if (this.insideDirect(i)) continue;
      // «اقرأ: …», «شاهد: …»: a related-story line, not the article's reporting.
      if (r.isFunction(i, 'teaser') && r.isColon(i + 1) && i === r.paragraphStartToken(r.paragraphOf[i]!)) {
        const para = r.paragraphOf[i];
        while (i + 1 < r.length && r.paragraphOf[i + 1] === para) i++;
        continue;
      }
      const attribution = this.attributionAt(i);
      if (attribution) {
        // «حسبما أعلنت الرئاسة»: the verb inside the attribution is not a cue of its own.
        i = Math.max(i, this.fromAttribution(i, attribution) - 1);
        continue;
      }
      const passive = this.passiveAt(i);
      if (passive) {
        this.fromPassive(i, passive);
        continue;
      }
      const cue = r.verbCue(i);
      if (cue) this.fromVerb(i, cue);
      else this.fromNoun(i);
    }
    this.continuations();
    this.channelSentences();
    return this.found;
  }

  /** Is token i inside the marks of a direct quotation already found? */
  private insideDirect(i: number): boolean {
    // Direct quotations are found in text order: only the latest ones can still cover token i.
    for (let k = this.found.length - 1; k >= 0 && k >= this.found.length - 4; k--) {
      const f = this.found[k]!;
      if (f.kind === 'direct' && i > f.contentTokens[0] && i < f.contentTokens[1]) return true;
    }
    return false;
  }

  // ---------- reporting verbs ----------

  private fromVerb(i: number, cue: VerbCue): void {
    const r = this.r;
    const limit = r.sentenceEnd(i);
    let p = i + 1;
    let subject: Phrase | null = null;
    let speaker: Entry | null = null;
    let relay: Channel | null = null;
    let documentChannel: Channel | null = null;
    let confidence = 0.9;
    let leftSecond: Phrase | null = null;

    // «بحسب ما يقوله المرصد», «حسبما أفادت الوكالة»: the attribution's verb, not a report of its own.
    if (this.attributionAt(i - 1) || (r.words[i - 1]?.core === 'ما' && this.attributionAt(i - 2))) return;
    if (cue.form === 'participle') {
      speaker = this.governingSpeaker(i);
      confidence = 0.85;
      // «…، مؤكدة على لسان محاميتها ماري دوزي أن …»: the one it speaks through is the speaker.
      if (r.words[p]?.core === 'علي' && r.words[p + 1]?.fold === 'لسان') {
        const through = parsePhrase(r, p + 2, limit);
        if (through) {
          let s = through;
          p = this.afterSubject(through, through.end, limit, (x) => (s = x));
          speaker = this.people.resolve(s, i);
        }
      }
    } else {
      // A subject before the verb wins («إلا أن الرئيس ترمب حذر إيران»: «إيران» is the object).
      const left = this.leftSubject(i);
      subject = left?.[0] ?? null;
      leftSecond = left?.[1] ?? null;
      if (!subject) {
        while (p < limit && r.isTime(p)) p++;
        // «وتصنف كل من الولايات المتحدة والاتحاد الأوروبي …»: «كل من» before joined subjects.
        if (r.words[p]?.core === 'كل' && r.words[p + 1]?.core === 'من') p += 2;
        subject = parsePhrase(r, p, limit);
        // «أبلغ مسؤولا …»: an accusative head after the verb is its object.
        if (subject && r.accusativeHead(subject.start)) subject = null;
        if (subject) p = subject.end;
        else if (this.isAside(i, cue)) return;
      }
      if (subject?.kind === 'document') documentChannel = this.channelFrom(subject.start, subject.end);
      if (subject) p = this.afterSubject(subject, p, limit, (s) => (subject = s));
      // «نقلت وكالة X عن Y …», «أكدت الأردن على لسان Y …»: the relay is the channel, Y the speaker.
      const relayWord = r.words[p]?.core;
      const onBehalf = relayWord === 'علي' && r.words[p + 1]?.fold === 'لسان';
      if (subject && ((cue.lemma === 'نقل' && relayWord === 'عن') || onBehalf)) {
        const at = onBehalf ? p + 2 : p + 1;
        const source = parsePhrase(r, at, limit);
        if (source) {
          relay = {
            kind: 'report',
            span: r.span(subject.start, subject.end, true),
            ...this.sourceIn(subject.start, subject.end),
          };
          subject = source;
          p = this.afterSubject(source, source.end, limit, (s) => (subject = s));
        }
      }
      // «… قوله إن», «… تأكيده أن»: the verbal noun the relay governs.
      if (relay && /^(قول|تاكيد|اعلان|تصريح)/.test(r.words[p]?.core ?? '')) p++;
    }

    let channel = relay ?? documentChannel ?? this.channelBefore(i);
    const afterChannel = this.skipChannelsAndTime(p, limit);
    if (afterChannel.channel) channel ??= afterChannel.channel;
    p = afterChannel.next;

    // «نفت الوزارة وحليفتها الهيئة أن …»: a second subject joined by و speaks too.
    let second: Phrase | null = leftSecond;
    if (subject && !second && r.words[p]?.conj) {
      const other = parsePhrase(r, p, limit);
      if (other && other.kind !== 'document' && other.kind !== 'group') {
        // «… وإسرائيل، كلتاهما، شن …»: an emphatic pronoun after the pair.
        let after = other.end;
        if (
          r.isComma(after) &&
          /^(كلتاهما|كلاهما|معا)$/.test(r.words[after + 1]?.core ?? '') &&
          r.isComma(after + 2)
        )
          after += 3;
        after = this.skipChannelsAndTime(after, limit).next;
        if (this.content(after, limit, cue)) {
          second = other;
          p = after;
        }
      }
    }

    const content = this.content(p, limit, cue) ?? this.quoteAfterManner(p, limit, cue);
    if (TRACE) {
      process.stderr.write(
        `trace ${r.tokens[i]!.text}: subject=${subject ? r.span(subject.start, subject.end).text : '∅'} p=${r.tokens[p]?.text ?? 'end'} content=${content ? content.span.text.slice(0, 40) : '∅'}\n`,
      );
    }
    // «لم يؤكد ما إذا كانت …»: a question left open is not a statement.
    if (
      content &&
      /^(ما|اذا|هل)$/.test(r.words[content.start]?.core ?? '') &&
      (r.words[content.start]!.core !== 'ما' || r.words[content.start + 1]?.core === 'اذا')
    )
      return;
    if (!content) {
      // Still worth knowing who acts, for «وأضاف» later.
      if (subject && subject.kind !== 'document') this.people.resolve(subject, i);
      return;
    }
    // «وذكرت الصحيفة أن الجيش أكد، في بيان، أن …»: the inner report is the quotation; the outer only
    // relays it. A person reporting what someone said («ويضيف أن المنظمة تقول إنها …») is quoted too.
    const relaysInner = content.kind !== 'direct' && this.innerReportAt(content.start);
    let speakers: (Entry | null)[] = [];
    if (!speaker) {
      if (subject) {
        // «المحاميان» after two lawyers were named: both speak.
        const pair = this.people.pairFor(subject, i);
        speakers = pair ?? [this.people.resolve(subject, i)];
        if (second) speakers.push(this.people.resolve(second, i));
      } else if (cue.number === 'du' && (this.dualInSentence(i) ?? this.lastPair)) {
        speakers = (this.dualInSentence(i) ?? this.lastPair)!;
        confidence = 0.7;
      } else {
        speakers = [this.people.anaphor(cue.gender, cue.number, i) ?? null];
        confidence = 0.75;
      }
      if (speakers.length === 2 && speakers[0] && speakers[1]) this.lastPair = speakers as Entry[];
      speaker = speakers[0] ?? null;
    } else speakers = [speaker];
    if (relaysInner && (!speaker || this.isMedia(speaker))) return;
    if (!speaker) {
      this.diagnostics.push({
        code: 'unattributed-quote',
        message: `no speaker found for «${r.tokens[i]!.text}»`,
        ...r.span(i, i + 1),
      });
    }
    channel ??= content.channel ?? this.attributionAfter(content.end, limit);
    for (const s of speakers) this.add(i, cue.lemma, s, content, channel, confidence);
    // A participle and the quotation it continues were said in one place: «وقال X إن "…"،
    // موضحا في بيان …» (the channel goes back), «وقال X في بيان إن …، متعهدا بـ…» (it goes on).
    if (cue.form === 'participle') {
      const gov = this.governing(i);
      if (gov && r.sentenceOf[gov.cueToken] === r.sentenceOf[i]) {
        if (channel && !gov.channel) gov.channel = channel;
        else if (!channel && gov.channel) {
          const mine = this.found.at(-1);
          if (mine && mine.cueToken === i) mine.channel = gov.channel;
        }
      }
    }
  }

  /**
   * A verbal noun with its speaker in construct and its content after
   * «أن/بأن»: «وفي ما يتعلق بتصريحات الرئيس الإيراني، حسن روحاني، بأن بلاده
   * …», «عقب اتهام موسكو لتل أبيب، بأنها …», «منذ إعلان الحكومة فوزها …».
   */
  private fromNoun(i: number): void {
    const r = this.r;
    const w = r.words[i];
    if (!w?.arabic || w.pronoun || w.definite) return;
    const noun = r.lex.reportingNouns.get(w.stem);
    if (!noun) return;
    const limit = r.sentenceEnd(i);
    let subject = parsePhrase(r, i + 1, limit);
    if (!subject || subject.kind === 'document') return;
    let p = this.afterSubject(subject, subject.end, limit, (s) => (subject = s));
    // «لتل أبيب»: the one addressed or accused, before the content.
    if (r.words[p]?.prep === 'ل' && !r.isComplementizer(p)) {
      p++;
      while (p < limit && (r.isNameLike(p) || r.words[p]!.definite) && !r.isComplementizer(p)) p++;
    }
    while (p < limit && (r.isComma(p) || r.isTime(p))) p++;
    let content: Content | null = null;
    if (r.isComplementizer(p)) content = this.quoteAt(p + 1, limit) ?? this.clause(p + 1, limit);
    else if (noun.obj && r.isArabic(p) && !r.preposition(p) && !r.verbCue(p)) {
      const c = this.clause(p, limit);
      content = c && c.end - c.start >= 2 ? c : null;
    }
    if (!content) return;
    this.add(i, noun.lemma, this.people.resolve(subject, i), content, null, 0.75);
  }

  /**
   * After a subject: an apposition («X، المسؤول السياسي بجيش الإسلام،»,
   * «- السفير البنغالي الشيخ محمد بلال -»), then a relative clause about it
   * before the content («التحالف الدولي الذي تقوده الولايات المتحدة … إن»).
   */
  private afterSubject(subject: Phrase, p: number, limit: number, set: (s: Phrase) => void): number {
    // «وزير التعليم، نفتالي بينيت، عضو مجلس الوزراء المصغر، …»: appositions may follow one another.
    let current = subject;
    for (let round = 0; round < 3; round++) {
      const next = this.oneApposition(current, p, limit, (s) => (current = s));
      if (next === p) break;
      p = next;
    }
    if (current !== subject) set(current);
    return this.afterRelative(p, limit);
  }

  private oneApposition(subject: Phrase, p: number, limit: number, set: (s: Phrase) => void): number {
    const r = this.r;
    // «وزارة الدفاع الأميركية "البنتاغون"»: a name in marks right after the subject is its alias.
    const alias = r.pairAtOpen.get(p);
    if (alias && alias.closeTok - alias.openTok <= 4 && this.isLabel(alias.openTok, alias.closeTok))
      p = alias.closeTok + 1;
    // After an apposition that took its closing comma, the next one starts straight away.
    if (p > subject.end && r.isComma(p - 1) && !r.isComma(p)) p--;
    const sep = r.tokens[p]?.text;
    // «وكالة الأنباء السورية الرسمية (سانا)», «مجلس النواب (البرلمان)»: a short alias in brackets.
    if (sep === '(') {
      for (let k = p + 1; k < Math.min(limit, p + 5); k++) {
        if (r.tokens[k]!.text === ')') return k + 1;
        if (!r.isArabic(k) && r.tokens[k]!.kind !== 'latin') break;
      }
    }
    if (sep === '،' || sep === ',' || sep === '-' || sep === '–' || sep === '(') {
      const appo = parsePhrase(r, p + 1, limit);
      const closer = appo ? r.tokens[appo.end]?.text : undefined;
      const closed =
        appo &&
        (closer === sep ||
          closer === '،' ||
          closer === ',' ||
          closer === ')' ||
          r.isComplementizer(appo.end));
      if (appo && closed && (appo.kind === 'person' || appo.kind === 'role' || appo.kind === 'name')) {
        const merged: Phrase = {
          ...subject,
          kind: subject.kind === 'role' && appo.name ? 'person' : subject.kind,
          titles: [...subject.titles, ...appo.titles],
          affiliations: [...subject.affiliations, ...appo.affiliations],
          name: subject.kind === 'role' || !subject.name ? appo.name : subject.name,
          end: appo.end,
        };
        set(merged);
        p = closer === sep || closer === ')' ? appo.end + 1 : appo.end;
      }
    }
    return p;
  }

  /** «…، الذي يشرف على القوات الأميركية في الشرق الأوسط، إن …»: a relative clause about the subject. */
  private afterRelative(p: number, limit: number): number {
    const r = this.r;
    const rel = r.isComma(p) && r.isFunction(p + 1, 'relative') ? p + 1 : p;
    if (r.isFunction(rel, 'relative')) {
      for (let k = rel + 1; k < Math.min(limit, rel + 16); k++) {
        if (r.isComplementizer(k)) return k;
        if (r.isComma(k) && r.isComplementizer(k + 1)) return k + 1;
        if (r.isQuote(k) || r.isColon(k)) break;
      }
    }
    return p;
  }

  /**
   * Asides that look like reporting but are the outlet's own voice: «يذكر
   * أن…», «ويشار إلى أن…» opening a sentence with no subject, or a verb with
   * no subject inside a noun phrase («أول إشارة من الحكومة تفيد بـ…»).
   */
  private isAside(i: number, cue: VerbCue): boolean {
    const r = this.r;
    const start = r.sentenceStart(i);
    if (
      cue.form === 'present' &&
      /^ي/.test(r.words[i]!.core) &&
      (i === start || (i === start + 1 && r.words[start]!.core === 'و')) &&
      r.isComplementizer(i + 1)
    ) {
      // «يذكر أن», «يشار إلى أن», «يتوقع أن», «يعتقد أن»: the outlet's aside or a belief passive.
      return cue.lemma === 'ذكر' || cue.lemma === 'أشار' || cue.lemma === 'توقع' || cue.lemma === 'اعتقد';
    }
    const prev = i - 1;
    if (prev < start || r.words[i]!.conj) return false;
    const pw = r.words[prev]!;
    // «ومن يرى …», «ما يعتبره …»: a relative or conditional clause, not a report.
    if (pw.core === 'من' || pw.core === 'ما' || pw.core === 'مما') return true;
    const opens =
      r.isPunct(prev) ||
      r.isQuote(prev) ||
      r.isComplementizer(prev) ||
      r.isFunction(prev, 'discourse') ||
      r.isFunction(prev, 'auxiliary') ||
      r.isTime(prev) ||
      pw.core === 'لا' ||
      pw.core === 'لم' ||
      pw.core === 'لن' ||
      pw.core === 'قد' ||
      /^و?لكن/.test(pw.fold);
    if (opens || !pw.arabic || pw.conj) return false;
    // A fronted adverbial («وبعد مزاعم تزوير النتائج أمر البرلمان …») may end in a noun before the verb.
    let k = prev;
    while (k > start && !r.isPunct(k - 1) && !r.isComplementizer(k - 1)) k--;
    const opener = r.words[k]!;
    const fronted =
      r.preposition(k) === opener.core ||
      r.isTime(k) ||
      /^(بعد|قبل|عقب|اثر|منذ|خلال|وسط|رغم|بسبب)$/.test(opener.core);
    return !fronted;
  }

  /** Does a reported clause begin at token k with its own reporter («أن الجيش الإسرائيلي أكد، …»)? */
  private innerReportAt(k: number, conjoined = false): boolean {
    const r = this.r;
    const limit = r.sentenceEnd(k);
    const phrase = conjoined ? this.phraseAfterConj(k, limit) : parsePhrase(r, k, limit);
    if (!phrase) return false;
    let v = this.afterSubject(phrase, phrase.end, limit, () => {});
    while (v < limit && (r.isFunction(v, 'auxiliary') || r.isTime(v))) v++;
    const cue = r.verbCue(v);
    // Only speech relays («ذكرت الصحيفة أن الجيش أكد …»); «أن واشنطن ترى …» is the content itself,
    // and so is a verb with nothing reported after it («أن إدارة ترامب علقت المبلغ»).
    if (!cue || cue.form === 'participle' || r.words[v]!.conj || cue.cls === 'belief' || cue.cls === 'act')
      return false;
    return this.content(this.skipChannelsAndTime(v + 1, limit).next, limit, cue) !== null;
  }

  /** A newspaper, agency or broadcaster: what it reports others said, it relays. */
  private isMedia(e: Entry): boolean {
    const head = (e.nameTokens[0] ?? '').replace(/^ال/, '');
    if (MEDIA_HEADS.has(head)) return true;
    const first = this.r.lex.outletsByFirst.get(e.nameTokens[0] ?? '');
    return !!first?.some((o) => o.tokens.every((t, k) => e.nameTokens[k] === t));
  }

  /** A phrase whose first word carries a conjunction («فرئيس الوزراء …»): parsed as if it did not. */
  private phraseAfterConj(k: number, limit: number): Phrase | null {
    const r = this.r;
    if (!r.words[k]!.conj) return null;
    const p = parsePhrase(r, k, limit);
    if (p) return p;
    return null;
  }

  /** «وكان الرئيسان بحثا … وشددا على …»: a dual title earlier in the sentence names the two speakers. */
  private dualInSentence(i: number): Entry[] | null {
    const r = this.r;
    for (let k = i - 1; k >= r.sentenceStart(i); k--) {
      const w = r.words[k]!;
      if (!w.definite || !w.stem.endsWith('ان')) continue;
      const phrase = parsePhrase(r, k, k + 1);
      const pair = phrase ? this.people.pairFor(phrase, k) : null;
      if (pair) return pair;
    }
    return null;
  }

  /** The latest quotation before token i in the same sentence or paragraph. */
  private governing(i: number): Found | undefined {
    const para = this.r.paragraphOf[i]!;
    for (let k = this.found.length - 1; k >= 0; k--) {
      const f = this.found[k]!;
      if (this.r.paragraphOf[f.cueToken]! < para - 1) break;
      if (
        f.cueToken < i &&
        (this.r.paragraphOf[f.cueToken] === para ||
          this.r.sentenceOf[f.cueToken] === this.r.sentenceOf[i]! - 1)
      )
        return f;
    }
    return undefined;
  }

  /**
   * The speaker a participle continues: the latest quotation's in its
   * sentence; failing that, the subject of the sentence's first verb
   * («ركز المحتجون على …، مطالبين بـ…»); failing that, the latest speaker.
   */
  private governingSpeaker(i: number): Entry | null {
    const r = this.r;
    const gov = this.governing(i);
    if (gov && r.sentenceOf[gov.cueToken] === r.sentenceOf[i]) return gov.speaker;
    // The subject of the clause the participle hangs on: «وهاجم الأسد مشاركة قوات …، واصفا …»,
    // «قبل أن ترد عليه الخارجية الروسية بالتأكيد …». The clause starts after the last boundary.
    const floor = r.sentenceStart(i);
    let k = i - 1;
    if (r.isComma(k)) k--;
    while (k >= floor && !r.isPunct(k) && !r.isComplementizer(k)) k--;
    let verb = k + 1;
    while (
      verb < i &&
      (r.isFunction(verb, 'discourse') || r.isFunction(verb, 'auxiliary') || r.words[verb]!.core === 'و')
    )
      verb++;
    // «فإن ناورت اكتفت بالقول …»: the subject may come first.
    const first = parsePhrase(r, verb, i);
    if (
      first &&
      first.kind !== 'document' &&
      first.end < i &&
      r.isArabic(first.end) &&
      !r.words[first.end]!.definite &&
      !r.preposition(first.end)
    ) {
      return this.people.resolve(first, verb);
    }
    let s = verb + 1;
    // «ترد عليه الخارجية»: a preposition with a pronoun between the verb and its subject.
    while (s < i && r.words[s]!.pronoun && (r.preposition(s) || r.isPrepositionStem(s))) s++;
    if (verb < i - 1 && r.isArabic(verb) && !r.preposition(verb) && !r.words[verb]!.definite) {
      const phrase = parsePhrase(r, s, i);
      if (phrase && phrase.kind !== 'document') return this.people.resolve(phrase, verb);
    }
    return gov?.speaker ?? this.people.anaphor('m', 'sg', i) ?? null;
  }

  /**
   * A subject before the verb: «البياتي أوضح»، «وكان القضاء طالب»، «إلا أن
   * الرئيس ترمب حذر»، «ترامب كان قد وعد». Only for a verb without a
   * conjunction, with the phrase (and auxiliaries) filling its clause up to
   * the verb.
   */
  private leftSubject(i: number): [Phrase] | [Phrase, Phrase] | null {
    const r = this.r;
    if (r.words[i]!.conj) return null;
    let verb = i;
    // auxiliaries between subject and verb: «ترامب كان قد وعد»
    while (
      verb - 1 >= 0 &&
      (r.isFunction(verb - 1, 'auxiliary') ||
        r.words[verb - 1]!.core === 'لا' ||
        r.words[verb - 1]!.core === 'لم' ||
        (r.words[verb - 1]!.core === 'ما' && r.isFunction(verb, 'auxiliary')))
    )
      verb--;
    // «ترامب، كان قد توعد»: a comma may set the auxiliaries off from the subject.
    if (verb < i && r.isComma(verb - 1)) verb--;
    const floor = r.sentenceStart(i);
    // «المرصد السوري لحقوق الإنسان الذي تحدث عن …» (or «…، الذي …»): the relative pronoun's antecedent.
    if (verb - 1 >= floor && r.isFunction(verb - 1, 'relative') && r.words[verb - 1]!.core !== 'من') {
      const rel = verb - 1;
      const antecedent = this.antecedent(r.isComma(rel - 1) ? rel - 1 : rel, floor);
      return antecedent ? [antecedent] : null;
    }
    // Candidate clause starts: after the nearest boundary, and after the one before it when the
    // nearest is a comma closing an apposition («المبعوث الأمريكي، كينيث وورد، قال»).
    const starts: number[] = [];
    let k = verb - 1;
    for (let commas = 0; k >= floor && verb - k <= 18; k--) {
      // «وكانت "رويترز" قالت»: a short name in marks is part of the subject, not a boundary.
      const named = r.pairAtClose.get(k);
      if (named && k - named.openTok <= 5 && named.openTok >= floor) {
        k = named.openTok;
        continue;
      }
      const dash = r.tokens[k]!.text === '-' && r.tokens[k]!.start === r.tokens[k - 1]?.end;
      const boundary =
        (r.isPunct(k) && !dash) ||
        r.isQuote(k) ||
        r.isComplementizer(k) ||
        r.isFunction(k, 'discourse') ||
        r.words[k]!.core === 'لكن' ||
        r.words[k]!.core === 'الا';
      if (!boundary) continue;
      starts.unshift(k + 1);
      if (!(r.isComma(k) || r.tokens[k]!.text === '-') || ++commas > 2) break;
    }
    if (k < floor) starts.unshift(floor);
    for (let start of starts) {
      while (
        start < verb &&
        (r.isFunction(start, 'auxiliary') ||
          r.isFunction(start, 'discourse') ||
          r.words[start]!.core === 'من' ||
          r.words[start]!.core === 'و' ||
          (r.words[start]!.core === 'ما' && r.isFunction(start + 1, 'auxiliary')) ||
          (r.words[start]!.core === 'كل' && r.words[start + 1]?.core === 'من'))
      )
        start++;
      if (start >= verb) continue;
      const first = this.subjectUpTo(start, verb);
      if (!first) continue;
      // The phrase fills the clause up to the verb (or up to the comma before its auxiliaries),
      // alone or joined by و to a second («كل من الولايات المتحدة وفرنسا هددتا …»).
      const fills = (end: number) => end === verb || (end === verb + 1 && r.isComma(verb));
      if (fills(first.end)) return [first.phrase];
      if (r.words[first.end]?.conj) {
        const second = this.subjectUpTo(first.end, verb);
        if (second && fills(second.end) && second.phrase.kind !== 'document')
          return [first.phrase, second.phrase];
      }
    }
    return null;
  }

  /** A subject phrase at `start` before the verb, with its appositions, and where it ends. */
  private subjectUpTo(start: number, verb: number): { phrase: Phrase; end: number } | null {
    const phrase = parsePhrase(this.r, start, verb);
    if (!phrase) return null;
    let merged = phrase;
    const end = this.afterSubject(phrase, phrase.end, verb + 1, (s) => (merged = s));
    return { phrase: merged, end };
  }

  /** The phrase a relative pronoun at `rel` refers back to: the longest that ends right before it. */
  private antecedent(rel: number, floor: number): Phrase | null {
    const r = this.r;
    for (let k = Math.max(floor, rel - 10); k < rel; k++) {
      const phrase = parsePhrase(r, k, rel, true);
      if (phrase && phrase.end === rel && phrase.kind !== 'document') return phrase;
    }
    return null;
  }

  /** «وفي تغريدة على تويتر، قال …»: a channel opening the clause before the verb. */
  private channelBefore(i: number): Channel | null {
    const r = this.r;
    const floor = r.sentenceStart(i);
    if (i - floor < 3 || !r.isComma(i - 1)) return null;
    if (!channelStartsAt(r, floor)) return null;
    return this.channelFrom(floor, i - 1);
  }

  /** Skip time words, commas and channel phrases after the subject; return the first channel found. */
  private skipChannelsAndTime(p: number, limit: number): { next: number; channel: Channel | null } {
    const r = this.r;
    let channel: Channel | null = null;
    for (let guard = 0; guard < 8 && p < limit; guard++) {
      if (r.isComma(p) || r.isTime(p)) {
        p++;
        continue;
      }
      // «في وقت سابق من العام الجاري», «خلال الأيام الماضية»: a time phrase.
      // «في نهاية شهر يناير الماضي», «في الثامن من شهر فبراير الحالي»: nouns of time, months,
      // ordinals and numbers after a preposition.
      const prep = r.preposition(p);
      const timeish = (k: number) =>
        r.isTime(k) || r.isFunction(k, 'time-noun') || r.tokens[k]?.kind === 'number';
      if (prep && r.words[p]!.core === prep && timeish(p + 1)) {
        p += 2;
        while (p < limit && (timeish(p) || this.timeModifier(p) || r.words[p]!.core === 'من')) p++;
        continue;
      }
      if (channelStartsAt(r, p)) {
        const end = this.channelEnd(p, limit);
        channel ??= this.channelFrom(p, end);
        p = end;
        continue;
      }
      // «قال بحضور وزير الخارجية السابق جون كيري "…"»: the setting, up to the content.
      // «وقال ماتيس …، وفقاً لنسخة لتصريحاته صادرة عن البنتاغون: "…"»: the record it comes from.
      const setting = r.isFunction(p, 'setting');
      if (setting || this.attributionAt(p)) {
        const end = this.settingEnd(p, limit);
        if (end < 0) break;
        const last = r.isComma(end - 1) ? end - 1 : end;
        if (!setting) channel ??= { kind: 'report', span: r.span(p, last, true), ...this.sourceIn(p, last) };
        p = end;
        continue;
      }
      break;
    }
    return { next: p, channel };
  }

  /**
   * Where a setting or source phrase before the content ends: at the colon, quotation mark or
   * «أن/إن» that opens the content (-1 when none comes within a dozen words).
   */
  private settingEnd(p: number, limit: number): number {
    const r = this.r;
    for (let e = p + 1; e < Math.min(limit, p + 14); e++) {
      if (r.isColon(e) || r.isComplementizer(e) || (r.isQuote(e) && !this.isShortName(e))) return e;
      // «، بحسب ما يقوله المرصد، بإعدام …»: a comma closes the phrase.
      if (r.isComma(e)) return e + 1;
      // «بحسب ما يقوله المرصد»: the attribution's own verb comes early.
      if ((r.verbCue(e) && e > p + 2) || r.isPunct(e)) return -1;
    }
    return -1;
  }

  /** Marks around a short name («"الخوذ البيضاء"»), not around content. */
  private isShortName(open: number): boolean {
    const pair = this.r.pairAtOpen.get(open);
    return !!pair && pair.closeTok - pair.openTok <= 4 && this.isLabel(pair.openTok, pair.closeTok);
  }

  /**
   * A definite word inside a time phrase: «العام الجاري», «الأيام الماضية» («من العام»), not the
   * object that follows it («في البداية الغرب بالوقوف …»): no attached preposition, and after
   * «من» or as an adjective.
   */
  private timeModifier(p: number): boolean {
    const r = this.r;
    const w = r.words[p]!;
    if (!w.definite || w.prep || w.conj || r.isComplementizer(p)) return false;
    return r.words[p - 1]?.core === 'من' || /(ي|يه|ه|ين)$/.test(w.stem);
  }

  /** Where a channel phrase starting at p ends: at a comma, «أن/إن», a quotation mark or a colon. */
  private channelEnd(p: number, limit: number): number {
    const r = this.r;
    // «في الجلسة الطارئة للمنظمة … في لاهاي روسيا بتقويض …»: a definite channel is a noun phrase,
    // and ends where the phrase does; an indefinite one («في بيان ورد لوكالة …») runs to the comma.
    const head = r.words[p]!.core === r.preposition(p) ? p + 1 : p;
    if (r.words[head]?.definite && r.headClass(head) === 'channel') {
      const phrase = parsePhrase(r, head, limit);
      if (phrase) return phrase.end;
    }
    let e = p + 1;
    while (e < limit && e - p < 14 && !r.isPunct(e) && !r.isComplementizer(e)) {
      // «لشبكة "إن بي سي نيوز"»: a short name in marks belongs to the channel.
      if (r.isQuote(e)) {
        const pair = r.pairAtOpen.get(e);
        if (!pair || pair.closeTok - pair.openTok > 5) break;
        const named =
          r.headClass(e - 1) === 'org' ||
          r.lex.channels.has(r.words[e - 1]?.stem ?? '') ||
          this.isLabel(pair.openTok, pair.closeTok);
        if (!named) break;
        e = pair.closeTok + 1;
        continue;
      }
      e++;
    }
    return e;
  }

  private channelFrom(start: number, end: number): Channel {
    const r = this.r;
    const w = r.words[start]!;
    // A free preposition («في», «خلال», «عبر») is not part of the channel's text; an attached «لـ» is.
    const skipPrep = w.core === r.preposition(start) && end - start > 1;
    const from = skipPrep ? start + 1 : start;
    // «في بيان أثناء زيارته …», «أمام مجلس الأمن ليل السبت»: a time phrase is not the channel's.
    for (let k = from + 1; k < end; k++) {
      if (r.isTime(k) || CHANNEL_TIME_PREPOSITIONS.has(r.words[k]!.core)) {
        end = k;
        break;
      }
    }
    const head = r.words[from]!;
    const ch = r.lex.channels.get(head.stem);
    const kind = ch
      ? head.prep === 'ل' && ch.recipient
        ? 'interview'
        : ch.kind
      : head.prep === 'ل'
        ? 'interview'
        : r.words[start]!.core === 'امام'
          ? 'speech'
          : 'statement';
    return { kind, span: r.span(from, end, true), ...this.sourceIn(from, end) };
  }

  /** The outlet named inside a token range, as a channel's source. */
  private sourceIn(start: number, end: number): { source?: string } {
    for (let k = start; k < end; k++) {
      const o = outletAt(this.r, k, true);
      if (o) return { source: o.name };
    }
    return {};
  }

  // ---------- content ----------

  /**
   * The content a cue governs, starting the search at token p: a quotation
   * (after «:» or directly), an «أن/إن» clause, or a governed phrase.
   */
  private content(p: number, limit: number, cue: VerbCue): Content | null {
    const r = this.r;
    const kinds = cue.content;
    // A participle before «:» and quotation marks is unambiguous, whatever its verb («لافتاً: "…"»).
    const quotes = kinds.includes('quote') || !cue.strict || cue.form === 'participle';
    if (p >= limit) return quotes ? this.quoteNear(p, cue) : null;
    if (r.isColon(p)) return quotes ? (this.quoteAt(p + 1, limit) ?? this.clause(p + 1, limit)) : null;
    if (r.isQuote(p) && r.pairAtOpen.has(p)) return quotes ? this.quoteAt(p, limit) : null;
    // «أشار إلى أن», «شدد على أن», «أكد على أن»
    if ((r.words[p]?.core === 'الي' || r.words[p]?.core === 'علي') && r.isComplementizer(p + 1)) p++;
    if (r.isComplementizer(p)) {
      // «توعد بأنه "…"»: «بأن» serves a verb that takes بـ as well as one that takes أن.
      const biAn = r.words[p]!.prep === 'ب' || r.words[p]!.core === 'بان';
      // A strict form («عبر» via, «بين» between) reports only with the content its verb takes.
      if (!kinds.includes('an') && (cue.strict || cue.cls !== 'speech') && !(biAn && kinds.includes('bi')))
        return null;
      return this.quoteAt(p + 1, limit) ?? this.clause(p + 1, limit);
    }
    let w = r.words[p];
    // Another cue here («…، مؤكدة أن …») starts its own quotation.
    if (!w?.arabic || r.verbCue(p)) return null;
    // «واصفا إياها بـ"…"»: the object pronoun is not content.
    if (/^اياه(ا|م|ما)?$/.test(w.core) && p + 1 < limit) {
      p++;
      w = r.words[p]!;
      if (!w.arabic) return null;
    }
    // A governed phrase: «طالب بـ…», «دعا إلى…», «حذر من…», «عبر عن…», or an object.
    const wants = (k: ContentKind) => kinds.includes(k);
    let start = -1;
    if (wants('bi') && (w.prep === 'ب' || w.stem === 'ب')) start = p;
    else if (wants('min') && w.core === 'من') start = p;
    else if (wants('ala') && w.core === 'علي') start = p;
    else if (wants('an-prep') && w.core === 'عن') start = p + 1;
    else if (wants('ila') && w.core === 'الي') start = p;
    else if ((wants('obj') || wants('ila')) && !r.preposition(p) && !r.isFunction(p, 'relative')) start = p;
    if (start < 0) {
      // «هدد الرئيس النظام السوري بأن …», «أبلغ الوزير نظيره أن …», «حذر السكان من …»: an object
      // of a few words, then the complement.
      for (let k = p + 1; k < Math.min(limit, p + 9); k++) {
        // «أبلغ الرئيس فلاديمير بوتن، خلال اجتماع …، الثلاثاء، أن …»: commas, channels and times
        // between the object and the complement.
        if (r.isComma(k) && wants('an')) {
          const skipped = this.skipChannelsAndTime(k, limit);
          const after = skipped.next;
          if (r.isComplementizer(after)) {
            const c = this.quoteAt(after + 1, limit) ?? this.clause(after + 1, limit);
            return c && { ...c, channel: skipped.channel };
          }
        }
        if (r.isPunct(k) || r.isQuote(k) || r.verbCue(k) || r.isAdverbialAn(k)) break;
        if (r.isComplementizer(k) && wants('an'))
          return this.quoteAt(k + 1, limit) ?? this.clause(k + 1, limit);
        const wk = r.words[k]!;
        if (
          (wants('bi') && wk.prep === 'ب') ||
          (wants('min') && wk.core === 'من') ||
          (wants('ila') && wk.core === 'الي') ||
          (wants('ala') && wk.core === 'علي')
        ) {
          start = cue.cls === 'act' ? p : k;
          break;
        }
      }
    }
    if (start < 0 && quotes) {
      // «ردد المتظاهرون هتافات أبرزها "…"»: the words between the verb and the marks are not the content.
      for (let k = p; k < Math.min(limit, p + 4); k++) {
        if (r.isPunct(k) && !r.isColon(k)) break;
        if (r.pairAtOpen.has(k)) {
          const q = this.quoteAt(k, limit);
          return q && q.kind === 'direct' ? q : null;
        }
      }
    }
    if (start < 0 || start >= limit) return null;
    // Quotation marks right after the governing word («متعهدا بـ"…"», «دعا إلى "…"») or after an
    // addressee («طلب من المحكمة "…"») hold the content; words of the reporter's own before them
    // («تحدث عن رد فعل "قضاء مذعور"») make it mixed.
    for (let k = start; k < Math.min(limit, start + 5); k++) {
      if (!r.pairAtOpen.has(k)) continue;
      const q = this.quoteAt(k, limit);
      if (!q) break;
      const addressee = r.words[start]?.core === 'من' && cue.cls === 'act';
      if (k <= start + 1 || (r.words[start]?.stem === 'ب' && k === start + 1)) return q;
      if (addressee) return q.kind === 'direct' ? q : (this.clause(k, limit) ?? q);
      break;
    }
    // «تحدث عن الأزمة» names a topic; «تحدث عن استهداف …» reports what was said: an indefinite noun.
    if (wants('an-prep') && r.words[start]?.definite && cue.lemma === 'تحدث') return null;
    const c = this.clause(start, limit);
    if (!c) return null;
    // An object alone («أكد رفضه», «أعلن التوصل …») must say something: two words at least.
    if (c.end - c.start < 2 && cue.cls !== 'act') return null;
    return c;
  }

  /**
   * «وأضاف بنغمة لا تخلو من التهكم: "…"»: words of manner between the verb and a colon that
   * opens a quotation. Only a colon and marks, with no other verb or complement on the way.
   */
  private quoteAfterManner(p: number, limit: number, cue: VerbCue): Content | null {
    const r = this.r;
    if (!cue.content.includes('quote')) return null;
    for (let k = p; k < Math.min(limit, p + 10); k++) {
      if (r.isColon(k)) return r.pairAtOpen.has(k + 1) ? this.quoteAt(k + 1, limit) : null;
      if (r.isPunct(k) || r.isQuote(k) || r.verbCue(k) || r.isComplementizer(k)) return null;
    }
    return null;
  }

  /** A quotation right after a cue at the end of a sentence («… قائلا:» then the marks in the next). */
  private quoteNear(p: number, cue: VerbCue): Content | null {
    if (!cue.content.includes('quote')) return null;
    if (this.r.isQuote(p) && this.r.pairAtOpen.has(p)) return this.quoteAt(p, this.r.sentenceEnd(p));
    return null;
  }

  /**
   * Content that begins with a quotation mark at p: direct when the marks
   * close the clause, mixed when the clause goes on after them.
   */
  private quoteAt(p: number, limit: number): Content | null {
    const r = this.r;
    const pair = r.pairAtOpen.get(p);
    if (!pair) return null;
    const inner = this.innerSpan(pair.openTok, pair.closeTok);
    if (!inner || this.isLabel(pair.openTok, pair.closeTok)) return null;
    let after = pair.closeTok + 1;
    while (
      after < r.length &&
      r.tokens[after]!.kind === 'punct' &&
      !r.isComma(after) &&
      after < limit &&
      r.tokens[after]!.text !== '('
    )
      after++;
    const clauseGoesOn =
      after < Math.max(limit, pair.closeTok + 1) &&
      !r.isComma(after) &&
      !r.isPunct(after) &&
      r.sentenceOf[after] === r.sentenceOf[pair.closeTok] &&
      !this.startsNewCue(after) &&
      !this.endsClauseAt(after);
    if (clauseGoesOn) {
      const c = this.clause(p, limit);
      if (c) return { ...c, kind: 'mixed' };
    }
    return { kind: 'direct', start: pair.openTok, end: pair.closeTok + 1, span: inner };
  }

  /** Does a new reporting cue (with its own subject or a continuation participle) start at token i? */
  private startsNewCue(i: number): boolean {
    const cue = this.r.verbCue(i);
    return !!cue;
  }

  /** The text between two quotation marks, trimmed of spaces and of trailing punctuation inside the marks. */
  private innerSpan(openTok: number, closeTok: number): TextSpan | null {
    const r = this.r;
    const a = openTok + 1;
    let b = closeTok;
    while (b > a && r.tokens[b - 1]!.kind === 'punct' && /^[.،,؛;:!?؟…]+$/.test(r.tokens[b - 1]!.text)) b--;
    if (b <= a) return null;
    if (b - a < SHORT_DIRECT_MIN && r.tokens[a]!.kind !== 'arabic') return null;
    return r.span(a, b);
  }

  /** A reported clause from token `from` to its end. */
  private clause(from: number, limit: number): Content | null {
    const r = this.r;
    let end = from;
    let mixed = false;
    for (let k = from; k < limit; k++) {
      const pair = r.pairAtOpen.get(k);
      if (pair && pair.closeTok < r.length) {
        if (!this.isLabel(pair.openTok, pair.closeTok)) mixed = true;
        k = Math.min(pair.closeTok, limit - 1);
        end = k + 1;
        continue;
      }
      if (
        r.isComma(k) ||
        r.tokens[k]!.text === '(' ||
        r.tokens[k]!.text === '-' ||
        r.tokens[k]!.text === '–'
      ) {
        if (this.endsClauseAfter(k + 1)) break;
      } else if (k > from && this.endsClauseAt(k)) break;
      end = k + 1;
    }
    while (end > from && (r.isPunct(end - 1) || (r.isQuote(end - 1) && !r.pairAtClose.has(end - 1)))) end--;
    if (end <= from) return null;
    return { kind: mixed ? 'mixed' : 'indirect', start: from, end, span: r.span(from, end) };
  }

  /** After a comma: does the reported clause stop here? */
  private endsClauseAfter(i: number): boolean {
    const r = this.r;
    const cue = r.verbCue(i);
    if (cue?.form === 'participle') return true;
    // «…، وختم بالقول …»: a verb of the outlet's leading into a continuation.
    if (/^[وف]/.test(r.words[i]?.fold ?? '') && r.verbCue(i + 1)?.form === 'participle') return true;
    if (this.attributionAt(i)) return true;
    if (r.isFunction(i, 'commentary') && r.words[i]!.core !== 'وهي' && r.words[i]!.core !== 'وهو')
      return true;
    if (r.words[i]?.core === 'في' && /^اشاره/.test(r.words[i + 1]?.core ?? '')) return true;
    // «…، فالإدارة الأميركية …», «…، فيما وعدت السلطات …»: a new clause of the outlet's.
    if (r.words[i]?.fold.startsWith('ف') && r.words[i]!.conj) return true;
    if (/^(فيما|بينما|حيث|اذ|بيد|اما|ثم)$/.test(r.words[i]?.core ?? '') || r.words[i]?.fold === 'وذلك')
      return true;
    // «…، لكنه أقر بـ…», «…، غير أنه حذر …»: a new report of the same speaker.
    const but = /^(لكن|لكنه|لكنها|لكنهم|ولكنه|ولكنها|انه|انها|انهم)$/.test(r.words[i]?.fold ?? '');
    if (but && (r.verbCue(i + 1) || (r.words[i]!.fold === 'لكن' && r.verbCue(i + 2)))) return true;
    if (cue && (r.words[i]!.conj || parsePhrase(r, i + 1, r.sentenceEnd(i)))) return true;
    // «…، فرئيس الوزراء الإسرائيلي بنيامين نتنياهو قال …»: a new report, its subject first.
    return this.innerReportAt(i) || (r.words[i]!.conj && this.innerReportAt(i, true));
  }

  /** Without a comma: a conjoined new reporting verb with its own subject («… وقال X إن»). */
  private endsClauseAt(i: number): boolean {
    const r = this.r;
    const w = r.words[i]!;
    // «… دون ذكر تفاصيل», «من دون إضافة أي تفاصيل»: the outlet noting what was not said.
    const without =
      w.core === 'دون' || w.core === 'بدون'
        ? i
        : w.core === 'من' && r.words[i + 1]?.core === 'دون'
          ? i + 1
          : -1;
    if (without >= 0 && UNSAID.has(r.words[without + 1]?.stem.replace(/^ال/, '') ?? '')) return true;
    if (this.attributionAt(i) && (r.words[i]!.core.startsWith('حسب') || r.words[i]!.core.startsWith('بحسب')))
      return true;
    const cue = r.verbCue(i);
    // «… وختم بالقول إن …», «… مؤكدا أن …»: a continuation begins, with or without its comma.
    if (
      cue?.form === 'participle' &&
      (r.isComplementizer(i + 1) ||
        r.isColon(i + 1) ||
        r.isQuote(i + 1) ||
        /^(الي|علي)$/.test(r.words[i + 1]?.core ?? ''))
    )
      return true;
    if (/^[وف]/.test(w.fold) && !cue && r.verbCue(i + 1)?.form === 'participle') return true;
    if (!cue || !w.conj || cue.form === 'participle') return false;
    // «… وطلبا من المحكمة …»: a narrative verb in the past starts a new report.
    if (
      cue.form === 'past' &&
      r.words[i + 1] &&
      !r.isComplementizer(i + 1) &&
      (r.preposition(i + 1) || r.isQuote(i + 1))
    )
      return true;
    // «… ولفت إلى أن …»: the same speaker goes on in a new quotation.
    if (
      r.isComplementizer(i + 1) ||
      ((r.words[i + 1]?.core === 'الي' || r.words[i + 1]?.core === 'علي') && r.isComplementizer(i + 2))
    )
      return true;
    const subj = parsePhrase(r, i + 1, r.sentenceEnd(i));
    return subj !== null;
  }

  /**
   * Quotation marks around a name, label or loanword («تحالف "سائرون"»,
   * «عناصر "الخوذ البيضاء"») keep a quotation indirect: short, and after an
   * organisation or group word or made of names.
   */
  private isLabel(openTok: number, closeTok: number): boolean {
    const r = this.r;
    const n = closeTok - openTok - 1;
    const before = openTok - 1;
    // «تحت عنوان "…"»: the title of a piece, whatever its length.
    if (before >= 0 && /^(عنوان|بعنوان)$/.test(r.words[before]!.core)) return true;
    if (n > LABEL_MAX_TOKENS || n <= 0) return false;
    // «"لا يسمح بذلك"», «"لن نتراجع"»: a negation or a particle of the verb opens speech, not a name.
    if (/^(لا|لم|لن|ليس|ليست|قد|سوف|لقد)$/.test(r.words[openTok + 1]?.core ?? '')) return false;
    // A name after an indefinite head in construct: «تحالف "سائرون"», «عناصر "الخوذ البيضاء"»
    // (after a definite one, «طلب من المحكمة "…"», the marks hold speech).
    const hc = before >= 0 ? r.headClass(before) : null;
    if ((hc === 'org' || hc === 'group' || hc === 'title') && !r.words[before]!.definite) return true;
    if (
      before >= 0 &&
      /^(عمليه|صفقه|خطه|مبادره|اتفاق|معركه|قانون|مشروع|برنامج|منطقه|مدينه|بلده|حي|قريه|مخيم|نقطه|قاعده|طراز|اسم|شعار|وسم|هاشتاغ)$/.test(
        r.words[before]!.stem,
      )
    )
      return true;
    // Otherwise only names make a label: listed names, proper nouns, outlets, Latin script.
    for (let k = openTok + 1; k < closeTok; k++) {
      const w = r.words[k]!;
      const named =
        r.lex.personNames.has(w.core) ||
        properDefinite(r, k) ||
        outletAt(r, k, true) !== null ||
        r.tokens[k]!.kind !== 'arabic' ||
        r.rarelyBare(k);
      if (!named) return false;
    }
    return true;
  }

  // ---------- passives and attributions ----------

  private passiveAt(i: number): string | null {
    const r = this.r;
    const w = r.words[i];
    if (!w?.arabic) return null;
    const spelled = r.lex.passiveSpellings.has(w.core)
      ? r.lex.passiveSpellings.get(w.core)!.get(r.surface(i))
      : null;
    const lemma = r.lex.passives.get(w.core) ?? r.lex.passives.get(w.fold) ?? spelled;
    if (!lemma) return null;
    // Only with the content straight after: «أفيد بأن», «قيل إن», «توصف بالجماعات»
    const next = r.words[i + 1];
    if (!next) return null;
    if (r.isComplementizer(i + 1) || (next.prep === 'ب' && lemma === 'وصف')) return lemma;
    return null;
  }

  private fromPassive(i: number, lemma: string): void {
    const r = this.r;
    const limit = r.sentenceEnd(i);
    const p = r.isComplementizer(i + 1) ? i + 2 : i + 1;
    const content = r.isComplementizer(i + 1)
      ? (this.quoteAt(p, limit) ?? this.clause(p, limit))
      : this.clause(p, limit);
    if (!content) return;
    this.add(i, lemma, this.people.unspecified(i), content, null, 0.6);
  }

  /** An attribution phrase starting at token i: its lemma and the token where its source begins. */
  private attributionAt(i: number): { lemma: string; source: number } | null {
    const r = this.r;
    const w = r.words[i];
    if (!w?.arabic) return null;
    for (const a of r.lex.attributions) {
      let k = i;
      let ok = true;
      for (let j = 0; j < a.tokens.length; j++) {
        const want = a.tokens[j]!;
        const word = r.words[k];
        if (!word) {
          ok = false;
          break;
        }
        if (want === 'ل' && j === a.tokens.length - 1) {
          // «وفقا لـ…»: the ل is on the source's first word.
          if (word.prep !== 'ل') ok = false;
          break;
        }
        // The first word may carry a conjunction («ووفقا»), which the segmenter may or may not split.
        if (
          j === 0 ? word.core !== want && word.fold !== want && word.fold !== `و${want}` : word.fold !== want
        ) {
          ok = false;
          break;
        }
        k++;
      }
      if (ok) return { lemma: a.lemma, source: k };
    }
    return null;
  }

  /** «…، حسبما أفادت وكالة الأنباء العراقية»: an attribution after the content, taken as its channel. */
  private attributionAfter(from: number, limit: number): Channel | null {
    const r = this.r;
    for (let k = from; k < limit && k < from + 3; k++) {
      if (!r.isComma(k) && !r.isArabic(k)) continue;
      const a = this.attributionAt(r.isComma(k) ? k + 1 : k);
      if (!a) continue;
      const start = r.isComma(k) ? k + 1 : k;
      let end = a.source;
      // «حسبما جاء في بيان لمكتب الجبوري»: the document is the channel.
      if (/^(جاء|ورد)$/.test(r.words[end]?.core ?? '') && channelStartsAt(r, end + 1)) {
        const e = this.channelEnd(end + 1, limit);
        return this.channelFrom(end + 1, e);
      }
      if (r.verbCue(end)) end++;
      const src = parsePhrase(r, end, limit);
      // Without a source there is nothing to name: «حسبما» alone is not a channel.
      if (!src) return null;
      return { kind: 'report', span: r.span(start, src.end, true), ...this.sourceIn(start, src.end) };
    }
    return null;
  }

  /**
   * «بحسب X، …» opening a sentence, or «…، وفق X.» closing one: the rest of
   * the sentence is X's. Inside a quotation already found it is that
   * quotation's channel instead.
   */
  /** Returns the token after the attribution's verb, where the scan resumes. */
  private fromAttribution(i: number, a: { lemma: string; source: number }): number {
    const r = this.r;
    const limit = r.sentenceEnd(i);
    const last = this.found.at(-1);
    const owner =
      last && r.sentenceOf[last.cueToken] === r.sentenceOf[i] && last.contentTokens[1] <= i + 2
        ? last
        : undefined;
    // «مؤكدة على لسان X أن …»: the reporting word before it has taken the source; «وهدد X، بحسب
    // ما يقوله المرصد "…"»: it sits between a verb and its content, as that quotation's channel.
    if (r.verbCue(i - 1)) return a.source;
    if (last && last.cueToken < i && last.contentTokens[0] > i) return a.source;
    let srcStart = a.source;
    // «حسبما أفادت X»: skip the verb to its subject.
    if (r.verbCue(srcStart)) srcStart++;
    const resume = srcStart;
    let source = parsePhrase(r, srcStart, limit, true);
    if (TRACE)
      process.stderr.write(
        `trace attribution ${r.tokens[i]!.text}: source=${source ? r.span(source.start, source.end).text : '∅'}\n`,
      );
    if (!source) return resume;
    let channel: Channel | null = null;
    // «وفق حصيلة للمرصد السوري …»: the document is the channel, the body that issued it the source.
    if (source.kind === 'document') {
      const doc = source;
      for (let k = doc.start + 1; k < doc.end; k++) {
        const issuer = r.words[k]!.prep === 'ل' ? parsePhrase(r, k, limit, true) : null;
        if (issuer && issuer.kind !== 'document') {
          channel = { kind: 'report', span: r.span(doc.start, doc.start + 1, true) };
          source = issuer;
          break;
        }
      }
      if (source.kind === 'document') return resume;
    }
    if (owner) {
      owner.channel ??= {
        kind: 'report',
        span: r.span(i, source.end, true),
        ...this.sourceIn(i, source.end),
      };
      return resume;
    }
    const sentStart = r.sentenceStart(i);
    // «وجاء ذلك خلال …، نقلا عن "الأناضول"»: the outlet relays the article, not a statement.
    if (/^(جاء|ياتي)$/.test(r.words[sentStart]?.core ?? '')) return resume;
    let content: Content | null;
    let after = source.end;
    while (after < limit && r.isTime(after)) after++;
    const opening =
      i === sentStart || (i === sentStart + 1 && /^(و|لكن|ولكن)$/.test(r.words[sentStart]?.fold ?? ''));
    if (opening || this.middleAttribution(i, after, limit)) {
      // Opening («وبحسب المصادر، …») or set off by commas mid-sentence («…، بحسب الصحيفة، …»):
      // the rest of the sentence is the source's.
      let p = after;
      while (p < limit && (r.isComma(p) || r.isTime(p))) p++;
      if (r.isComplementizer(p)) p++;
      content = this.clause(p, limit);
    } else {
      // Closing: the clause before the comma.
      let end = i;
      while (end > sentStart && (r.isComma(end - 1) || r.isPunct(end - 1))) end--;
      if (end - sentStart < 3) return resume;
      content = this.clause(sentStart, end);
    }
    if (!content) return resume;
    const speaker = this.people.resolve(source, i);
    // «حسبما أعلنت الرئاسة المصرية في بيانها»: a channel after the source.
    if (!channel && channelStartsAt(r, source.end))
      channel = this.channelFrom(source.end, this.channelEnd(source.end, limit));
    this.add(i, a.lemma, speaker, content, channel, 0.8, a.source);
    return resume;
  }

  /**
   * «وتشكل هذه المقابلة، بحسب الصحيفة، أول مقابلة …»: an attribution set off by
   * commas inside a sentence whose own words begin only after it. Not when
   * the words after it start a clause of their own («…، حسب مسؤولين، فيما
   * توفي آخر …») or are only a time («…، الاثنين.»), and not when the words
   * before it already say something (four words or more).
   */
  private middleAttribution(i: number, after: number, limit: number): boolean {
    const r = this.r;
    if (!r.isComma(after) || !r.isComma(i - 1)) return false;
    let words = 0;
    for (let k = after + 1; k < limit; k++) if (r.isArabic(k) && !r.isTime(k)) words++;
    if (words < 3) return false;
    const next = r.words[after + 1]!;
    if (
      /^(فيما|بينما|حيث|اما)$/.test(next.core) ||
      next.fold.startsWith('ف') ||
      (next.conj && r.verbCue(after + 1))
    )
      return false;
    return i - 1 - r.sentenceStart(i) < 4;
  }

  /**
   * «جاء ذلك في تغريدة لقرقاش على صفحته …»: a sentence naming where the
   * statements around it were made. The channel goes to the quotation just
   * before and those in its own sentence that name none.
   */
  private channelSentences(): void {
    const r = this.r;
    for (const [from, to] of r.sentenceRanges) {
      if (from === undefined || to - from < 3) continue;
      const w = r.words[from]!;
      if (!/^(جاء|ياتي|اتي)$/.test(w.core)) continue;
      let k = from + 1;
      if (/^(ذلك|هذا|هذه|كلامه|كلامها|حديثه|حديثها|تصريحه|تصريحها)$/.test(r.words[k]?.core ?? '')) k++;
      if (!channelStartsAt(r, k)) continue;
      const channel = this.channelFrom(k, this.channelEnd(k, to));
      const before = this.found.filter((f) => f.cueToken < from).at(-1);
      if (before && !before.channel && r.paragraphOf[before.cueToken]! >= r.paragraphOf[from]! - 1)
        before.channel = channel;
      for (const f of this.found)
        if (r.sentenceOf[f.cueToken] === r.sentenceOf[from] && !f.channel) f.channel = channel;
    }
  }

  // ---------- quotation marks with no cue ----------

  /**
   * A paragraph made of a quotation and nothing else, right after a
   * paragraph with a quotation, continues that speaker's words.
   */
  private continuations(): void {
    const r = this.r;
    // The latest quotation ending in each paragraph, and what each quotation covers, indexed once.
    const lastInParagraph = new Map<number, Found>();
    const covered = new Set<number>();
    for (const f of this.found) {
      lastInParagraph.set(r.paragraphOf[f.contentTokens[1] - 1]!, f);
      covered.add(f.contentTokens[0]);
    }
    for (const pair of r.pairAtOpen.values()) {
      const { openTok, closeTok } = pair;
      if (covered.has(openTok)) continue;
      const para = r.paragraphOf[openTok]!;
      if (openTok !== r.paragraphStartToken(para) || closeTok - openTok < 6) continue;
      const prev = lastInParagraph.get(para - 1);
      if (!prev?.speaker) continue;
      const inner = this.innerSpan(openTok, closeTok);
      if (!inner) continue;
      this.found.push({
        kind: 'direct',
        speaker: prev.speaker,
        verb: null,
        content: inner,
        channel: null,
        confidence: 0.7,
        contentTokens: [openTok, closeTok + 1],
        cueToken: openTok,
      });
    }
    this.found.sort((a, b) => a.content.start - b.content.start);
  }

  // ---------- assembly ----------

  private add(
    cueToken: number,
    lemma: string,
    speaker: Entry | null,
    content: Content,
    channel: Channel | null,
    confidence: number,
    cueEnd = cueToken + 1,
  ): void {
    const r = this.r;
    const key = `${content.span.start}:${content.span.end}:${speaker?.id ?? ''}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (speaker) {
      // A source cited with «بحسب/وفق» is noted, not made the antecedent of the next «وأضاف».
      if (cueEnd > cueToken + 1 || /^(بحسب|حسب|وفق|نقل|على لسان|استنادا)$/.test(lemma)) speaker.cited = true;
      else speaker.spoke = true;
      speaker.lastSeen = Math.max(speaker.lastSeen, cueToken);
    }
    const verbSpan = r.span(cueToken, cueEnd, true);
    this.found.push({
      kind: content.kind,
      speaker,
      verb: { span: verbSpan, lemma },
      content: content.span,
      channel,
      confidence: content.kind === 'direct' ? Math.min(0.99, confidence + 0.05) : confidence,
      contentTokens: [content.start, content.end],
      cueToken,
    });
  }
}

export type { Gender, GrammaticalNumber };
