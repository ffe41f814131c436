/**
 * Speaker phrases: where the subject of a reporting verb begins and ends, and
 * what it is made of.
 *
 *   «النائب عن التحالف الوطني والوزير العراقي السابق جاسم محمد جعفر البياتي»
 *     → titles [النائب عن التحالف الوطني] [الوزير العراقي السابق],
 *       affiliation [التحالف الوطني], name [جاسم محمد جعفر البياتي]
 *   «وزارة الخارجية الأمريكية» → an institution
 *   «مراقبون أمنيون» «مصدر في الحكومة الكندية» → an unnamed group
 *   «المتحدث باسم الوزارة» → a role with no name
 *
 * A phrase ends at punctuation, a quotation mark, «أن/إن», a time word, a
 * relative pronoun, another reporting verb, or a channel («في بيان»,
 * «لمراسل …»). Prepositions are allowed inside titles and institution names
 * («عن», «باسم», «في», «لـ», «بـ»), but once the person's name has begun a
 * preposition ends the phrase.
 */
import type { Gender, GrammaticalNumber } from '../lexicons.ts';
import type { Reader } from './reader.ts';

export type PhraseKind = 'person' | 'role' | 'institution' | 'group' | 'name' | 'document';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Phrase extends Range {
  readonly kind: PhraseKind;
  readonly titles: Range[];
  readonly name: Range | null;
  readonly affiliations: Range[];
  readonly gender: Gender | null;
  readonly number: GrammaticalNumber;
}

const MAX_PHRASE = 16;
/** Participles that tie a title to an organisation: «المنضوية في الحشد الشعبي». */
export const AFFILIATING: ReadonlySet<string> = new Set([
  'المنضويه',
  'المنضوي',
  'التابع',
  'التابعه',
  'المقرب',
  'المقربه',
  'المرتبطه',
  'المرتبط',
  'المدعوم',
  'المدعومه',
  'المنتمي',
  'المنتميه',
]);

/** Does a channel («في بيان», «لمراسل», «عبر حسابه», «لرويترز») begin at token i? */
export function channelStartsAt(r: Reader, i: number): boolean {
  const w = r.words[i];
  if (!w?.arabic) return false;
  // «لـCNN», «لـ"الشرق الأوسط"»: a detached ل before a Latin name or an outlet is the recipient.
  if (w.fold === 'ل') {
    const next = i + 1 + (r.isQuote(i + 1) ? 1 : 0);
    const t = r.tokens[next];
    if (t && (t.kind === 'latin' || t.kind === 'alnum')) return true;
    return outletAt(r, next, true) !== null || !!r.lex.channels.get(r.words[next]?.stem ?? '')?.recipient;
  }
  const prep = r.preposition(i);
  if (prep === 'ل' || prep === 'لل') {
    const ch = r.lex.channels.get(w.stem);
    if (ch?.recipient) return true;
    return outletAt(r, i, true) !== null;
  }
  if (
    prep === 'في' ||
    prep === 'خلال' ||
    prep === 'عبر' ||
    prep === 'علي' ||
    prep === 'امام' ||
    prep === 'مع'
  ) {
    if (w.core !== prep) return false;
    const next = r.words[i + 1];
    if (!next?.arabic) return false;
    const ch = r.lex.channels.get(next.stem);
    if (ch?.noun) return true;
    // «عبر حسابه», «على تويتر», «أمام الصحفيين», «مع بي بي سي»
    if (ch?.recipient && (prep === 'امام' || prep === 'مع')) return true;
    // «أمام مجلس الأمن», «أمام البرلمان»: an audience.
    if (prep === 'امام' && (next.definite || r.headClass(i + 1) === 'org')) return true;
    // «أمام تجمع لأنصاره», «أمام حشد من …»: an indefinite audience.
    if (prep === 'امام' && !next.prep && !next.pronoun && r.headClass(i + 1) !== 'title') return true;
    return prep !== 'في' && outletAt(r, i + 1, true) !== null;
  }
  return false;
}

/**
 * An outlet named at token i (with its token length), or null. Aliases that
 * are also ordinary words need an outlet word before them or `expected`
 * (a position where a source is expected).
 */
export function outletAt(
  r: Reader,
  i: number,
  expected: boolean,
): { name: string; kind: string; length: number } | null {
  const w = r.words[i];
  if (!w) return null;
  const by = r.lex.outletsByFirst;
  // Most words start no outlet name: answer that without allocating.
  if (!by.has(w.fold) && !by.has(w.core) && !by.has(w.nominal) && !by.has(w.stem)) return null;
  // The first token may carry a preposition or conjunction: compare its nominal form.
  const firstForms = new Set([w.fold, w.core, w.nominal, w.stem]);
  for (const first of firstForms) {
    for (const o of r.lex.outletsByFirst.get(first) ?? []) {
      let ok = true;
      for (let k = 1; k < o.tokens.length; k++) {
        const wk = r.words[i + k];
        if (!wk || (wk.fold !== o.tokens[k] && wk.core !== o.tokens[k])) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (o.needsContext && !expected && !outletWordBefore(r, i)) continue;
      return { name: o.name, kind: o.kind, length: o.tokens.length };
    }
  }
  return null;
}

const OUTLET_WORDS = new Set(['صحيفه', 'جريده', 'وكاله', 'قناه', 'موقع', 'شبكه', 'تلفزيون', 'اذاعه', 'مجله']);
function outletWordBefore(r: Reader, i: number): boolean {
  const prev = r.words[i - 1];
  return !!prev && OUTLET_WORDS.has(prev.stem);
}

/** Does the speaker phrase have to stop before token i? */
function stopsPhrase(r: Reader, i: number): boolean {
  const t = r.tokens[i];
  if (!t) return true;
  if (t.kind === 'punct' || t.kind === 'quote' || t.kind === 'number' || t.kind === 'url') return true;
  if (t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'alnum' && t.kind !== 'hashtag') return true;
  if (r.isComplementizer(i) || r.isTime(i) || r.isFunction(i, 'relative')) return true;
  if (
    r.isFunction(i, 'discourse') ||
    r.isFunction(i, 'commentary') ||
    r.isFunction(i, 'speech-noun') ||
    r.isFunction(i, 'setting')
  )
    return true;
  const cue = r.verbCue(i);
  if (cue && !(cue.form === 'participle' && r.words[i]!.definite)) return true;
  return channelStartsAt(r, i);
}

/** «المعروفة باسم "الخوذ البيضاء"»: «باسم» and a short name in marks; the index after them, or -1. */
function knownAsEnd(r: Reader, i: number): number {
  if (r.words[i]?.fold !== 'باسم' || !r.isQuote(i + 1)) return -1;
  const close = quotedNameAt(r, i + 1);
  return close < 0 ? -1 : close + 1;
}

/** A short quotation-marked name inside a phrase («صحيفة "هآرتس"»): the closing mark's index, or -1. */
function quotedNameAt(r: Reader, i: number): number {
  const pair = r.pairAtOpen.get(i);
  if (!pair || pair.closeTok - pair.openTok - 1 > 4 || pair.closeTok - pair.openTok < 2) return -1;
  return pair.closeTok;
}

/** An adjective that can follow an unnamed group's head: nisba-shaped («طبية» «محليون») or listed («كبار»). */
function adjectiveLike(r: Reader, i: number): boolean {
  const w = r.words[i]!;
  if (!w.arabic || w.prep || w.pronoun || w.conj) return false;
  if (r.isFunction(i, 'adjective')) return true;
  const s = w.stem;
  // Duals («أميركيان», «عراقيتان») need a longer stem: «بيان» and «كيان» are nouns. An accusative
  // nisba («محليا») only agrees with an accusative head («مسؤولا محليا»): «سوريا» is a name.
  // An institution's head is not an adjective, whatever its shape («الولايات»); a title or a group
  // noun may be («السكرتير الصحفي», «مسؤولون عسكريون»).
  const head = r.headClass(i);
  if (head === 'org' || head === 'channel') return false;
  return (
    (s.length >= 4 && /(ي|يه|يون|يين|يات)$/.test(s)) ||
    (s.length >= 6 && /(يان|يتان)$/.test(s)) ||
    (s.length >= 5 && s.endsWith('يا') && r.words[i - 1]!.stem.endsWith('ا'))
  );
}

/**
 * «الروسي», «المتحدة», «العام», «الصادر»: a definite adjective, by shape (a nisba, or a
 * participle in مـ) or listed.
 */
function definiteAdjective(r: Reader, i: number): boolean {
  const w = r.words[i]!;
  if (!w.definite) return false;
  if (adjectiveLike(r, i) || r.lex.functionWords.get(w.stem)?.has('adjective')) return true;
  const head = r.headClass(i);
  return (
    (head === null || head === 'title') &&
    !r.isTime(i) &&
    (w.stem.startsWith('م') || /^(صادر|تابع|عامل|داعي|حاكم)/.test(w.stem))
  );
}

/**
 * A definite word that names something on its own: a surname («العبادي»), a
 * listed name part («الدين»), or a proper noun the corpus almost never writes
 * without its article («العراق», «الناتو», «الأردن»).
 */
export function properDefinite(r: Reader, i: number): boolean {
  const w = r.words[i]!;
  if (!w.arabic || !w.definite || w.pronoun || r.headClass(i)) return false;
  if (r.lex.personNames.has(w.nominal) || r.isFunction(i, 'surname')) return true;
  if (w.stem.endsWith('ي') && w.stem.length >= 4 && !adjectiveLike(r, i - 1)) return true;
  return r.rarelyBare(i);
}

/**
 * Can the word at i continue a person's name already begun? Name words do,
 * and surnames with the article; so does a plain word that is not a known
 * common word, head or function word: after a given name it is most often a
 * family name that is also a noun («ليلى حداد»).
 */
function continuesName(r: Reader, i: number, length: number): boolean {
  const w = r.words[i]!;
  // «كينيث وورد»: a foreign name in و (written وو) is not و + a word.
  if (w.conj && w.fold.startsWith('وو') && !w.prep && length < 4) return true;
  if (w.conj || w.prep) return false;
  if (r.isNameLike(i)) return true;
  if (w.definite) {
    if (properDefinite(r, i) || (w.stem.endsWith('ي') && w.stem.length >= 3)) return true;
    // «سامي النجار»: a family name that is also a noun, but not a common one («الاتفاق» is an object).
    return (
      length < 4 &&
      !r.lex.commonWords.has(w.core) &&
      !r.headClass(i) &&
      !adjectiveLike(r, i) &&
      r.frequency(i) < 1000
    );
  }
  if (length >= 4 || !w.arabic || w.pronoun || r.headClass(i) || r.verbCue(i)) return false;
  if (r.lex.commonWords.has(w.core) || adjectiveLike(r, i) || w.core.endsWith('ا')) return false;
  for (const cat of [
    'preposition',
    'time',
    'relative',
    'discourse',
    'auxiliary',
    'commentary',
    'speech-noun',
  ]) {
    if (r.isFunction(i, cat)) return false;
  }
  return true;
}

/**
 * A family name with the article, not an adjective: «الجابري» ends like the
 * nisba «السياسي», but the corpus never writes it feminine («الجابرية»).
 */
function surnameLike(r: Reader, i: number): boolean {
  const w = r.words[i];
  if (!w?.arabic || !w.definite || w.pronoun || w.prep || !w.stem.endsWith('ي') || w.stem.length < 4)
    return false;
  return r.feminineRare(i);
}

/** The head class of the phrase beginning at token i. */
function headOf(r: Reader, i: number): PhraseKind | null {
  const hc = r.headClass(i);
  if (hc === 'title') return 'person';
  if (hc === 'org') return 'institution';
  if (hc === 'group') return 'group';
  if (hc === 'channel') return 'document';
  if (outletAt(r, i, false)) return 'institution';
  // «المحاميان», «الوزيران»: two people named by their title; «مسؤولان أميركيان»: two unnamed.
  const w = r.words[i]!;
  if (w.stem.endsWith('ان') && r.lex.personTitles.has(w.stem.slice(0, -2)))
    return w.definite ? 'name' : 'group';
  const t = r.tokens[i]!;
  if (t.kind === 'hashtag' || t.kind === 'latin') return 'name';
  if (r.isNameLike(i)) return 'name';
  if (properDefinite(r, i)) return 'name';
  return null;
}

/**
 * Parse the speaker phrase starting at token `from`, reading no further than
 * `limit`. Returns null when no subject starts there.
 */
export function parsePhrase(r: Reader, from: number, limit: number, allowPrep = false): Phrase | null {
  if (from >= limit) return null;
  // «صحيفة "واشنطن بوست"» is handled by the head; a quotation-marked name alone («"العربي الجديد"») is a name.
  if (r.isQuote(from)) {
    const close = quotedNameAt(r, from);
    if (close < 0 || close >= limit) return null;
    const inner = parsePhrase(r, from + 1, close);
    if (!inner || inner.end !== close) return null;
    return { ...inner, start: from, end: close + 1 };
  }
  // «للمرصد السوري …» after «وفق حصيلة», «حسب»: an attached ل/ب may open a source phrase when asked.
  const prep = r.preposition(from);
  // «22 شاهد عيان», «ثلاثة مسؤولين»: a count before a group's head.
  if (
    (r.tokens[from]!.kind === 'number' || r.isFunction(from, 'number')) &&
    r.headClass(from + 1) === 'group'
  ) {
    const inner = parsePhrase(r, from + 1, limit);
    return inner ? { ...inner, start: from, name: { start: from, end: inner.end } } : null;
  }
  const attachedSource = allowPrep && prep !== null && r.words[from]!.core !== prep;
  if (prep && !attachedSource) return null;
  // («للمرصد» would otherwise read as a channel to an outlet: here it is the source.)
  if (!attachedSource && stopsPhrase(r, from)) return null;
  const kind = headOf(r, from);
  if (!kind) return null;
  const max = Math.min(limit, from + MAX_PHRASE);
  if (kind === 'person') return scanPerson(r, from, max);
  if (kind === 'name') return scanNamePhrase(r, from, max);
  const end = scanNominal(r, from, max, kind);
  const w0 = r.words[from]!;
  const lex = r.lex;
  const gender =
    kind === 'group'
      ? (lex.groupHeads.get(w0.stem) ?? lex.groupHeads.get(w0.core) ?? 'm')
      : (lex.orgHeads.get(w0.stem) ?? (kind === 'document' ? 'm' : 'f'));
  return {
    start: from,
    end,
    kind,
    titles: [],
    name: { start: from, end },
    affiliations: affiliationsIn(r, from + 1, end),
    gender,
    number: kind === 'group' ? 'pl' : 'sg',
  };
}

/** A name, and a title in apposition straight after it («بيار دوناك محامي رودريغ»). */
function scanNamePhrase(r: Reader, from: number, max: number): Phrase {
  let i = from + 1;
  for (; i < max; i++) {
    if (
      r.tokens[i]?.text === '-' &&
      r.tokens[i]!.start === r.tokens[i - 1]!.end &&
      r.tokens[i + 1]?.start === r.tokens[i]!.end &&
      r.isNameLike(i + 1)
    ) {
      i++; // «بارا-بروغيير»: a hyphenated name
      continue;
    }
    if (stopsPhrase(r, i) || !continuesName(r, i, i - from)) break;
  }
  const name = { start: from, end: i };
  if (
    i < max &&
    r.headClass(i) === 'title' &&
    !r.words[i]!.conj &&
    !r.words[i]!.definite &&
    !stopsPhrase(r, i)
  ) {
    const role = scanPerson(r, i, max);
    if (role.kind === 'role') {
      return { ...role, start: from, kind: 'person', name };
    }
  }
  return {
    start: from,
    end: i,
    kind: 'name',
    titles: [],
    name,
    affiliations: [],
    gender: null,
    number: dualOrPlural(r, from),
  };
}

/**
 * An institution, group or document phrase. Arabic marks where such a
 * phrase can go on: after an indefinite head come its construct noun or
 * adjectives, and the first definite word closes the construct, after which
 * only definite adjectives and prepositional phrases with a definite or named
 * object follow («وزارة الخارجية الكويتية» but not «… عن أسفها»; «مصادر طبية
 * عراقية»; «هيئة تحرير الشام»).
 */
function scanNominal(r: Reader, from: number, max: number, kind: PhraseKind): number {
  let open = !r.words[from]!.definite;
  let sawAdjective = false;
  let i = from + 1;
  while (i < max) {
    const close = r.isQuote(i) ? quotedNameAt(r, i) : -1;
    if (close >= 0 && close < max && i === from + 1) {
      i = close + 1; // «صحيفة "هآرتس"»
      open = false;
      continue;
    }
    // «موقع سويداء 24», «قناة روسيا 24»: a short number ends an outlet's name.
    const t = r.tokens[i]!;
    if (t.kind === 'number' && kind === 'institution' && t.end - t.start <= 3 && i > from + 1) {
      i++;
      break;
    }
    if (stopsPhrase(r, i)) break;
    const w = r.words[i]!;
    if (w.conj) {
      // «مصادر عسكرية ومصادر في الوزارة»: one conjoined group is one speaker.
      if (kind === 'group' && r.headClass(i) === 'group') {
        open = !w.definite;
        i++;
        continue;
      }
      // «اتحاد منظمات الإغاثة والرعاية الطبية»: a coordinated genitive inside the construct (not a
      // second subject after the head itself: «الجيش والشرطة»).
      if (
        kind === 'institution' &&
        w.definite &&
        i - 1 > from &&
        r.words[i - 1]!.definite &&
        !r.headClass(i)
      ) {
        i++;
        continue;
      }
      break;
    }
    const prep = r.preposition(i);
    const knownAs = knownAsEnd(r, i);
    if (knownAs > 0 && knownAs <= max) {
      i = knownAs;
      open = false;
      continue;
    }
    if (prep) {
      const free = w.core === prep;
      // «مصدر مطلع على الملف»: «على» after «مطلع».
      const informed = prep === 'علي' && /^(ال)?مطلع/.test(r.words[i - 1]?.core ?? '');
      if (
        free &&
        !informed &&
        !['في', 'من', 'باسم', 'لدي', 'داخل'].includes(prep) &&
        !(kind === 'document' && prep === 'عن')
      )
        break;
      if (!free && prep !== 'ل' && prep !== 'ب') break;
      const obj = free ? i + 1 : i;
      if (obj >= max || !prepObjectOk(r, obj)) break;
      i = obj + 1;
      // The object's own construct chain: «بجهاز مخابرات», «لحقوق الإنسان».
      if (
        !r.words[obj]!.definite &&
        i < max &&
        !stopsPhrase(r, i) &&
        !r.words[i]!.conj &&
        !r.preposition(i) &&
        (r.words[i]!.definite || r.isNameLike(i))
      )
        i++;
      // Then its adjectives («بالجيش الروسي», «في الأمم المتحدة»), but not a new noun: in «أبلغ ضباط
      // بالجيش الروسي الولايات المتحدة …» that is the verb's object.
      while (
        i < max &&
        !stopsPhrase(r, i) &&
        definiteAdjective(r, i) &&
        !r.words[i]!.conj &&
        !r.preposition(i)
      )
        i++;
      open = false;
      continue;
    }
    if (open) {
      // A definite word completes a construct («وزارة الخارجية»), but not after an adjective:
      // «مصدر دبلوماسي تركي الاتهامات …» — there it is the verb's object.
      if (w.definite) {
        if (sawAdjective) break;
        open = false;
        i++;
        continue;
      }
      const numbered = kind === 'institution' && r.tokens[i + 1]?.kind === 'number' && !w.prep && !w.conj;
      if (adjectiveLike(r, i) || (kind !== 'group' && (r.isNameLike(i) || numbered))) {
        sawAdjective ||= adjectiveLike(r, i);
        i++;
        continue;
      }
      // A construct noun: «هيئة تحرير الشام», «وسائل إعلام سورية».
      const next = r.words[i + 1];
      if (
        next &&
        i + 1 < max &&
        !stopsPhrase(r, i + 1) &&
        !next.conj &&
        !next.prep &&
        (next.definite || adjectiveLike(r, i + 1) || r.isNameLike(i + 1))
      ) {
        i++;
        continue;
      }
      break;
    }
    // After the construct, definite adjectives only: «وزارة الخارجية الأمريكية», but in «أبلغ
    // مصدر أمني الوزير …» a new definite noun is the verb's object.
    if (definiteAdjective(r, i) && !w.pronoun) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/**
 * The object of a preposition inside a phrase: named, an institution, or
 * (after في and لـ) definite; never a noun carrying a pronoun. After an
 * attached ب only a name or institution («مصدر بجهاز مخابرات»), since «بـ» +
 * a definite noun is far more often the verb's complement («أمر البرلمان
 * بإعادة الفرز»).
 */
function prepObjectOk(r: Reader, obj: number): boolean {
  const w = r.words[obj];
  const t = r.tokens[obj];
  if (!w || !t) return false;
  if (t.kind === 'hashtag') return true;
  // «في بي بي سي»: an outlet, even one whose letters look like a pronoun on a preposition.
  if (w.arabic && outletAt(r, obj, true) !== null) return true;
  if (!w.arabic || w.pronoun) return false;
  // «خلال الأيام الماضية», «في البداية»: a time phrase is the clause's, not the title's.
  if (r.isTime(obj) || r.isFunction(obj, 'time-noun')) return false;
  const named =
    r.isNameLike(obj) ||
    r.headClass(obj) === 'org' ||
    r.headClass(obj) === 'group' ||
    outletAt(r, obj, true) !== null;
  if (w.prep === 'ب') return named;
  if (w.definite || named) return true;
  const next = r.words[obj + 1];
  // A construct with a definite or proper noun: «لحقوق الإنسان», «في شمال سوريا», «في ريف دمشق».
  return !!next && !next.prep && !next.conj && !next.pronoun && (next.definite || r.isNameLike(obj + 1));
}

/** Does a person's name begin at token i? A name-like word, or an unsure one followed by a known name («جاسم محمد»). */
function startsName(r: Reader, i: number): boolean {
  const w = r.words[i]!;
  if (r.tokens[i]!.kind === 'hashtag') return true;
  if (!w.arabic && r.tokens[i]!.kind !== 'latin') return false;
  if (w.definite || w.prep || w.conj) return false;
  if (r.isNameLike(i)) return true;
  const next = r.words[i + 1];
  if (!next || r.headClass(i) || r.verbCue(i) || w.pronoun || adjectiveLike(r, i)) return false;
  // «جاسم محمد», «كريم الجابري»: an unsure word followed by a known name or a family name.
  return r.lex.personNames.has(next.core) || surnameLike(r, i + 1);
}

type State = 'title' | 'object' | 'org' | 'place' | 'name';

/**
 * A title-headed phrase, read by a small state machine: title words, then
 * prepositional objects and organisation names inside the title, then the
 * person's name, which ends the phrase at the first word that cannot be
 * part of a name.
 */
function scanPerson(r: Reader, start: number, max: number): Phrase {
  const titles: Range[] = [];
  const affiliations: Range[] = [];
  let titleStart = start;
  let nameStart = -1;
  let orgStart = -1;
  let orgSawDefinite = false;
  let titleCut = -1;
  let state: State = 'title';
  const closeOrg = (at: number) => {
    if (orgStart >= 0 && at > orgStart) affiliations.push({ start: orgStart, end: at });
    orgStart = -1;
  };
  let i = start + 1;
  for (; i < max; i++) {
    if (state === 'name') {
      if (r.tokens[i]?.text === '-' && r.tokens[i]!.start === r.tokens[i - 1]!.end && r.isNameLike(i + 1)) {
        i++;
        continue;
      }
      if (stopsPhrase(r, i) || !continuesName(r, i, i - nameStart)) break;
      continue;
    }
    if (stopsPhrase(r, i)) break;
    const w = r.words[i]!;
    // «… لكتائب سيد الشهداء المنضوية في الحشد الشعبي»: an affiliating participle ends the title
    // (and the organisation before it); what it introduces is an affiliation.
    if (AFFILIATING.has(w.core) && titleCut < 0) {
      closeOrg(i);
      titleCut = i;
      state = 'title';
      continue;
    }
    // «السفير البنغالي الشيخ محمد بلال»: an honorific right before a name is a title of its own.
    if (state === 'title' && !w.conj && i > start && r.isFunction(i, 'honorific') && startsName(r, i + 1)) {
      closeOrg(i);
      titles.push({ start: titleStart, end: i });
      titleStart = i;
      continue;
    }
    if (w.conj) {
      // «… والوزير العراقي السابق …»: a second title of the same person.
      if (r.headClass(i) === 'title') {
        closeOrg(i);
        titles.push({ start: titleStart, end: i });
        titleStart = i;
        state = 'title';
        continue;
      }
      // «وزير التربية والتعليم»: a coordinated genitive inside the title.
      if (w.definite && r.words[i - 1]!.definite && !r.headClass(i)) continue;
      break;
    }
    const prep = r.preposition(i);
    const knownAs = knownAsEnd(r, i);
    if (knownAs > 0 && knownAs < max) {
      i = knownAs - 1;
      continue;
    }
    if (prep && w.core === prep) {
      // Only an institution, a place or a definite noun makes a prepositional phrase part of
      // a title («النائب عن التحالف»); «… عن رد فعل» is the verb's complement.
      const obj = r.words[i + 1];
      const namedBody = r.headClass(i + 1) === 'org' || r.headClass(i + 1) === 'title';
      // «باسم وزارتها», «باسم وزير الداخلية»: a spokesman's body may carry a pronoun or be a title.
      const ok =
        prep === 'باسم'
          ? !!obj && (obj.definite || namedBody)
          : prepObjectOk(r, i + 1) && (prep !== 'عن' || !!obj?.definite || namedBody);
      if (!ok) break;
      closeOrg(i);
      // «مراسل … في بي بي سي»: an outlet is the object, whole, and an affiliation.
      const outlet = outletAt(r, i + 1, true);
      if (outlet && i + 1 + outlet.length <= max) {
        affiliations.push({ start: i + 1, end: i + 1 + outlet.length });
        i += outlet.length;
        state = 'title';
        continue;
      }
      state = 'object';
      continue;
    }
    if (prep) {
      // «لكتائب …» «بجيش الإسلام»: an attached preposition before an organisation; «للشؤون الخارجية»: a genitive.
      closeOrg(i);
      if (r.headClass(i) === 'org' || outletAt(r, i, true)) {
        orgStart = i;
        orgSawDefinite = w.definite;
        state = 'org';
      } else state = 'title';
      continue;
    }
    if (state === 'object') {
      if (r.headClass(i) === 'org' || r.headClass(i) === 'group' || w.definite) {
        orgStart = i;
        orgSawDefinite = w.definite;
        state = 'org';
      } else if (r.isNameLike(i)) state = 'place';
      else if (r.isNameLike(i + 1) && !r.words[i + 1]!.conj) {
        // «في شمال سوريا», «في ريف دمشق»: a place in construct is the object, not the name.
        i++;
        state = 'place';
      } else state = 'title';
      continue;
    }
    if (state === 'place') {
      if (r.isNameLike(i) && !w.definite) continue;
      state = 'title';
    }
    if (state === 'org') {
      // An organisation's name: name words right after its head («كتائب سيد الشهداء»), then definite words.
      if (w.definite) {
        orgSawDefinite = true;
        continue;
      }
      if (!orgSawDefinite && (r.isNameLike(i) || r.headClass(i) === 'org')) continue;
      closeOrg(i);
      state = 'title';
    }
    // state === 'title'
    if (r.headClass(i) === 'org' && !w.definite) {
      // «رئيس مجلس النواب»: an institution in construct with the title.
      orgStart = i;
      orgSawDefinite = false;
      state = 'org';
      continue;
    }
    // «أمير قطر», «محامي رودريغ»: right after an indefinite title head comes its genitive, not the
    // person's name («الرئيس ترامب» has the article).
    const head = r.words[titleStart]!;
    const afterBareHead =
      i === titleStart + 1 && !head.definite && !head.pronoun && r.headClass(titleStart) === 'title';
    if (afterBareHead && (r.isNameLike(i) || properDefinite(r, i))) {
      orgStart = i;
      orgSawDefinite = true;
      state = 'org';
      continue;
    }
    if (startsName(r, i)) {
      nameStart = i;
      state = 'name';
    }
  }
  closeOrg(nameStart >= 0 ? nameStart : i);
  const titleEnd = nameStart >= 0 ? nameStart : i;
  titles.push({ start: titleStart, end: titleCut > titleStart ? Math.min(titleCut, titleEnd) : titleEnd });
  return {
    start,
    end: i,
    kind: nameStart >= 0 ? 'person' : 'role',
    titles,
    name: nameStart >= 0 ? { start: nameStart, end: i } : null,
    affiliations,
    gender: r.lex.personTitles.get(r.words[start]!.stem) ?? null,
    number: 'sg',
  };
}

/** «المحاميان» «المتهمان»: a dual noun; «المتظاهرون»: a plural. */
function dualOrPlural(r: Reader, i: number): GrammaticalNumber {
  const s = r.words[i]!.stem;
  if (s.endsWith('ان') && s.length > 4) return 'du';
  if ((s.endsWith('ون') || s.endsWith('ين')) && s.length > 4) return 'pl';
  return 'sg';
}

/**
 * Organisations inside a title: the object of «عن», «باسم», «في», a genitive
 * «لـ»/«بـ», or an affiliating participle («المنضوية في الحشد الشعبي»).
 * Each runs from an organisation head (or a definite noun after عن/باسم)
 * through the definite words that follow.
 */
function affiliationsIn(r: Reader, from: number, to: number): Range[] {
  const out: Range[] = [];
  for (let i = from; i < to; i++) {
    const w = r.words[i]!;
    const prep = r.preposition(i);
    if (!prep) continue;
    const free = w.core === prep;
    const objStart = free ? i + 1 : i;
    if (objStart >= to) continue;
    const o = r.words[objStart]!;
    const head = r.headClass(objStart);
    const orgLike = head === 'org' || head === 'group' || outletAt(r, objStart, true) !== null;
    const afterAffiliating = i > from && AFFILIATING.has(r.words[i - 1]!.core);
    const ok = free
      ? orgLike || afterAffiliating || ((prep === 'عن' || prep === 'باسم') && o.definite)
      : (prep === 'ل' || prep === 'ب') && orgLike;
    if (!ok) continue;
    let j = objStart + 1;
    while (j < to && !r.preposition(j) && !r.words[j]!.conj && (r.words[j]!.definite || r.isNameLike(j))) j++;
    out.push({ start: objStart, end: j });
    i = j - 1;
  }
  return out;
}
