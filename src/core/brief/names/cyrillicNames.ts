/**
 * Names as Russian and Ukrainian prose writes them. The English reader
 * (nameMentions.ts) takes runs of capitalised words for names; in these
 * languages such a run glues a title's complement to the name
 * ("пресс-секретарь министра Иван Иванов", "Прем'єр-міністром
 * Країни Петром Петренком"), and every word inflects. So a run is cut: titles
 * before it become the role, acronyms ("МИД", "ООН") end a complement, a
 * patronymic fixes where the name is, and a capitalised word in another
 * case than the name after it ("Страны Иванов") is the title's
 * complement, not a given name. Each word carries the keys that make its
 * six cases one lemma and its romanisations one name (nameKeys.ts).
 */
import type { Passage, Span } from '../../model';
import { hasCyrillic, type CyrillicLanguage } from '../../text/language';
import { nameKeys } from '../../text/nameKeys';
import { foldCyrillic } from '../../text/cyrillicWords';
import { isCyrillicStopWord } from '../../text/terms';
import {
  CYRILLIC_SPEECH_VERBS,
  PLACE_PREPOSITIONS,
  isCyrillicHonorific,
  isCyrillicOrganisationHead,
  isCyrillicTitle,
} from './cyrillicLexicon';
import type { NameEvidence, NameMention } from './nameMentions';
import type { WrittenRole } from './roles';

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}][\p{L}\p{M}'’ʼ-]*[\p{L}\p{M}]|[\p{L}]/gu;
const CAPITALISED = /^[\u0400-\u042f\u0404\u0406\u0407\u0490][\u0430-\u045f\u0454\u0456\u0457\u0491'’ʼ-]+$/u;
const ACRONYM = /^[\u0400-\u042f\u0404\u0406\u0407\u0490]{2,}$/u;
const PATRONYMIC = /(?:ович|евич|йович|ьич|овн|евн|ічн|ичн|івн|ївн)\p{Ll}{0,3}$/u;
/** Adjectival endings: a person's name has at most its surname adjectival ("Ковальский"); "Южной Кореи" is no name. */
const ADJECTIVAL = /(?:ого|его|ому|ему|ых|их|ими|ыми|ые|ое|ая|яя|ую|юю|ой|ої|ій|ский|ськ\p{Ll}*|цкий|цьк\p{Ll}*|ский|ская|ской|ную|ный|ний|ной|ная|ное|ні|на|не|[вткгхжчшщ]ий|[вткгхжчшщ]ый)$/u;
/** Lowercase words that run a title's complement on to the name: "пресс-секретарь министра МИД". */
const COMPLEMENT = /^[\p{Ll}][\p{Ll}'’ʼ-]*$/u;
const MAX_ROLE_WORDS = 6;
const NOT_COMPLEMENT = /^(?:и|і|й|та|а|но|але|что|що|как|як|когда|коли|также|також|уже|вже|не|ни|же|ли|это|це|который|которая|який|яка|с|з|со|зі|об|о|про)$|^\p{L}{4,}(?:[аиые]л[аио]?|[аиіу]в|ать|ять|ить|ться|тся|ает|ует|ают|уют|ють)$/iu;

/** Cases a word's ending allows, as bits: nominative, genitive, dative, accusative, instrumental, prepositional. */
const NOM = 1, GEN = 2, DAT = 4, ACC = 8, INS = 16, PRE = 32, ANY = 63;
function cases(word: string): number {
  const lower = word.toLowerCase();
  if (/(?:о|е|є|и|і|у|ю)$/.test(lower) && /(?:ко|дзе|швили|енко|ых|их|аго|ате|ті|ті|ні|ле|те|ре|се|ше)$/.test(lower)) return ANY; // indeclinable
  if (/(?:ом|ем|ём|єм|ою|ею|єю|ым|им|ім)$/.test(lower)) return INS | DAT | PRE;
  if (/(?:ой|ей|ої|ії)$/.test(lower)) return GEN | DAT | INS | PRE;
  if (/(?:ого|его|ова|ева|іна|ина)$/.test(lower)) return GEN | ACC | NOM;
  if (/(?:ому|ему|ові|еві|єві)$/.test(lower)) return DAT | PRE;
  if (/(?:ий|ый|ій|ой)$/.test(lower)) return NOM | ACC;
  if (/(?:а|я)$/.test(lower)) return NOM | GEN | ACC;
  // Nominative only in the plural: a singular name never ends so ("Страны Иванов" is a complement and a name).
  if (/(?:ы|и|і|ї)$/.test(lower)) return GEN | DAT | PRE;
  if (/(?:у|ю)$/.test(lower)) return DAT | ACC | GEN;
  if (/(?:е|є)$/.test(lower)) return DAT | PRE | ANY;
  if (/(?:о)$/.test(lower)) return ANY;
  return NOM | ACC | GEN;
}
const agree = (a: string, b: string): boolean => (cases(a) & cases(b)) !== 0;

/** Whether most letters of a passage are Cyrillic: its names are read by this reader. */
export function isCyrillicText(text: string): boolean {
  if (!hasCyrillic(text)) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  return cyrillic * 2 > letters;
}

/** Every name mention of a Cyrillic passage, in order. Linear in the passage's length. */
export function cyrillicNameMentions(passage: Passage, sentences: readonly Span[], language: CyrillicLanguage | undefined): NameMention[] {
  const text = passage.text;
  const mentions: NameMention[] = [];
  for (const sentence of sentences.length > 0 ? sentences : [{ start: 0, end: text.length }]) {
    const words: Word[] = [];
    WORD.lastIndex = sentence.start;
    for (let match = WORD.exec(text); match && match.index < sentence.end; match = WORD.exec(text)) {
      words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    }
    for (let i = 0; i < words.length; ) {
      if (!CAPITALISED.test(words[i].text) || ACRONYM.test(words[i].text)) {
        i++;
        continue;
      }
      // A run of capitalised words, only spaces between them.
      let end = i + 1;
      // A surname in capitals after a given name ("Олександр ІВАНОВ") is part of the name; other capitals are acronyms.
      const nameWord = (k: number): boolean => (CAPITALISED.test(words[k].text) && !ACRONYM.test(words[k].text)) || (ACRONYM.test(words[k].text) && words[k].text.length >= 4 && k === end && CAPITALISED.test(words[k - 1].text));
      while (end < words.length && nameWord(end) && /^[ \u00a0]+$/.test(text.slice(words[end - 1].end, words[end].start))) end++;
      mentions.push(...mentionsOfRun(passage, words, i, end, sentence, language));
      i = end;
    }
  }
  return mentions;
}

function mentionsOfRun(passage: Passage, words: readonly Word[], runStart: number, runEnd: number, sentence: Span, language: CyrillicLanguage | undefined): NameMention[] {
  const text = passage.text;
  let from = runStart;
  let titleAt: number | undefined;
  // Titles written capitalised at the head of the run ("Президентом США", "Прем'єр-міністр України").
  while (from < runEnd && (isCyrillicTitle(words[from].text) || isCyrillicHonorific(words[from].text))) titleAt = from++;
  // Function words capitalised at a sentence's start ("Там", "Однак", "Чи") are no part of a name.
  while (from < runEnd && isCyrillicStopWord(foldCyrillic(words[from].text))) from++;
  const sentenceInitial = runStart === 0 || !/\p{L}/u.test(text.slice(sentence.start, words[runStart].start));
  // A sentence's first word is capitalised whatever it is: part of a name only when the next word agrees with it.
  if (titleAt === undefined && sentenceInitial && from < runEnd - 1 && !agree(words[from].text, words[from + 1].text)) from++;
  if (from >= runEnd) return [];

  // Where the name is: around a patronymic, else the last one or two words, the rest the title's complement.
  let nameStart = from;
  const patronymic = words.slice(from, runEnd).findIndex((word, k) => k > 0 && PATRONYMIC.test(word.text));
  if (patronymic > 0) nameStart = from + patronymic - 1;
  else if (runEnd - from >= 3) nameStart = runEnd - 2;
  else if (runEnd - from === 2) {
    const [first, last] = [words[from].text, words[from + 1].text];
    if (!agree(first, last) || ADJECTIVAL.test(first.toLowerCase()) || isCyrillicOrganisationHead(first)) nameStart = from + 1;
  }
  if (nameStart > from && !agree(words[nameStart].text, words[runEnd - 1].text)) nameStart = runEnd - 1;
  const nameEnd = patronymic > 0 ? Math.min(runEnd, from + patronymic + 2) : runEnd;
  const own = words.slice(nameStart, nameEnd);
  const span = { start: own[0].start, end: own[own.length - 1].end };

  const evidence: NameEvidence = { person: 0, organisation: 0, place: 0, thing: 0 };
  const roles: WrittenRole[] = [];
  let titled = false;
  // The title: capitalised at the run's head, or lowercase before the run ("пресс-секретарь министра МИД").
  const roleStart = titleAt !== undefined ? words[runStart].start : lowercaseTitleBefore(words, runStart, text, sentence);
  if (roleStart !== undefined) {
    const honorificOnly = titleAt !== undefined && titleAt === runStart && isCyrillicHonorific(words[runStart].text);
    if (!honorificOnly) roles.push({ text: text.slice(roleStart, own[0].start).replace(/[\s,]+$/, ''), span: { start: roleStart, end: span.end } });
    evidence.person += 3;
    titled = true;
  }
  if (patronymic > 0) evidence.person += 3;
  const nameWords = own.map((word) => word.text);
  const last = nameWords[nameWords.length - 1];
  if (nameWords.some((word) => isCyrillicOrganisationHead(word))) evidence.organisation += 4;
  if (nameWords.slice(0, -1).some((word) => ADJECTIVAL.test(word.toLowerCase()))) evidence.organisation += 2;
  // Two or three capitalised words in one case, none but the surname adjectival: a given name and a surname.
  if (nameWords.length >= 2 && evidence.organisation === 0 && nameWords.every((word) => agree(word, last))) evidence.person += 2;
  const index = words.indexOf(own[0]);
  const previous = words[runStart - 1];
  if (previous && PLACE_PREPOSITIONS.has(previous.text.toLowerCase()) && !titled) evidence.place += 2;
  // Speech: "Иванов заявил", "заявил Иванов", "по словам Иванова", "за словами Іванова".
  const next = words[nameEnd];
  const adjacentAfter = next && /^[\s,]*$/.test(text.slice(span.end, next.start));
  const speaks =
    Boolean(adjacentAfter && CYRILLIC_SPEECH_VERBS.has(next.text.toLowerCase())) ||
    Boolean(previous && runStart === index && CYRILLIC_SPEECH_VERBS.has(previous.text.toLowerCase())) ||
    Boolean(previous && CYRILLIC_SPEECH_VERBS.has(previous.text.toLowerCase()) && roleStart !== undefined) ||
    Boolean(previous && /^(?:словам|словами)$/i.test(previous.text) && /^(?:по|за)$/i.test(words[runStart - 2]?.text ?? ''));
  if (speaks && evidence.organisation === 0 && evidence.place === 0) evidence.person += 2;
  // "Иванов, который …", "Іванов, який …".
  if (next && /^,\s*$/.test(text.slice(span.end, next.start)) && /^(?:который|которая|який|яка)$/i.test(next.text)) evidence.person += 2;

  const mention: NameMention = {
    passage,
    text: text.slice(span.start, span.end),
    span,
    words: nameWords,
    wordKeys: nameWords.map((word) => nameKeys(word, language)),
    roles,
    evidence,
    sentence,
    introduced: false,
    titled,
    speaks,
  };
  return [mention];
}

/**
 * The start of a lowercase title before a run, with its complement: "пресс-секретарь
 * министра МИД" (acronyms and lowercase words between), "з директоркою-розпорядницею
 * Міжнародного валютного фонду", never across a comma or a verb of saying.
 */
function lowercaseTitleBefore(words: readonly Word[], runStart: number, text: string, sentence: Span): number | undefined {
  // The earliest title of the chain: "пресс-секретарь министра МИД" is one role, not "министра МИД".
  let found: number | undefined;
  for (let j = runStart - 1; j >= 0 && runStart - j <= MAX_ROLE_WORDS; j--) {
    const word = words[j];
    if (word.start < sentence.start || /[,;:«»"“”()]/.test(text.slice(word.end, words[j + 1].start))) break;
    if (CYRILLIC_SPEECH_VERBS.has(word.text.toLowerCase())) break;
    if (isCyrillicTitle(word.text) || isCyrillicHonorific(word.text)) {
      // A title's own modifiers: "бывший", "официальный", "колишній".
      let start = j;
      while (start > 0 && runStart - start < MAX_ROLE_WORDS && /^(?:бывш|колишн|официальн|офіційн|нов|действующ|чинн|генеральн|специальн|спеціальн|верховн|федеральн)/i.test(words[start - 1].text) && !/[,;:]/.test(text.slice(words[start - 1].end, words[start].start))) start--;
      found = words[start].start;
      j = start;
      continue;
    }
    if (!COMPLEMENT.test(word.text) && !ACRONYM.test(word.text) && !CAPITALISED.test(word.text)) break;
    // A complement is nouns and adjectives: a preposition, a conjunction or a verb ends it ("министр приехал в Москву").
    if (PLACE_PREPOSITIONS.has(word.text.toLowerCase()) || NOT_COMPLEMENT.test(word.text)) break;
  }
  return found;
}
