/**
 * General Russian and Ukrainian words that tell what a capitalised name
 * is, as news prose in those languages writes names: titles and
 * occupations before a person's name (by stem, since they inflect),
 * head words of organisations' names, prepositions before places, and
 * verbs of saying. Nothing here is about one subject.
 */

const list = (words: string): readonly string[] => words.trim().split(/\s+/);

/**
 * Stems of titles and occupations written before a person's name, in any
 * case: "президент", "пресс-секретарём", "прем'єр-міністром",
 * "директоркою-розпорядницею". A word is a title when it starts with one.
 */
const TITLE_STEMS = list(`
  президент прем'єр премьер министр міністр глав голов председател канцлер спикер речник пресс-секретар прес-секретар
  секретар генсек посол посла послом послу представител представник лидер лідер мэр мер губернатор депутат сенатор конгрессмен конгресмен
  командующ командувач главнокомандующ головнокомандувач генерал полковник подполковник майор капитан капітан адмирал адмірал
  маршал советник радник помощник помічник заместител заступник замглав вице віце король корол королев принц принцес
  патриарх патріарх митрополит архиеп архієп епископ єпископ папа журналист журналіст корреспондент кореспондент редактор
  эксперт експерт аналитик аналітик политик політик политолог політолог адвокат юрист прокурор генпрокурор суд судья суддя
  омбудсмен уполномоченн уповноважен директор директорк руководител керівник начальник гендиректор основател засновник
  активист активіст правозащитник правозахисник бизнесмен бізнесмен предприниматель підприємець олигарх олігарх
  генсекретар комиссар комісар госсекретар держсекретар премьер-министр
`);

/** Words of address: a name after them is a person's ("пан Гроссі", "господин Иванов"). */
const HONORIFIC_STEMS = list('господин госпож пан пані');

/** Head words of organisations' names: "Совет Безопасности", "Міністерство оборони", "Государственная Дума". */
const ORGANISATION_STEMS = list(`
  совет рад дум министерств міністерств комитет комітет служб управлени управлінн фонд банк агентств партия партії парті
  союз организаци організаці федераци федераці республик республік сил армия армі уряд правительств суд парламент палат
  собор университет університет академи академі компани компані корпораци корпораці концерн завод институт інститут
  ассамбле асамбле конгресс конгрес сенат кабинет кабінет офис офіс ведомств відомств миссия місія коалици коаліці альянс
  движени рух церк церкв генштаб штаб гвард департамент комисси комісі инспекци інспекці
`);

/** Prepositions after which a capitalised word is a place: "в Мариуполе", "у Києві", "из Москвы". */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(list('в во у на из с со под над по до от від під біля около возле через к ко із зі за'));

/**
 * Verbs of saying, Russian and Ukrainian, in the forms news prose uses
 * (past tense of each gender and number, present): a name right before
 * or after one is a speaker.
 */
export const CYRILLIC_SPEECH_VERBS: ReadonlySet<string> = new Set(list(`
  сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили отметил отметила отметили подчеркнул подчеркнула
  подчеркнули добавил добавила добавили пояснил пояснила пояснили уточнил уточнила уточнили написал написала написали ответил
  ответила ответили рассказал рассказала рассказали признал признала признали предупредил предупредила предупредили потребовал
  потребовала потребовали отверг отвергла отвергли раскритиковал раскритиковала обвинил обвинила обвинили призвал призвала
  призвали настаивает настаивал настаивала говорит говорят заявляет заявляют сообщает отмечает подчеркивает подчёркивает считает
  сказав сказала заявив повідомив повідомила повідомили зазначив зазначила зазначили наголосив наголосила наголосили додав
  додала додали пояснив пояснила пояснили уточнив уточнила написав написала відповів відповіла відповіли розповів розповіла
  розповіли визнав визнала попередив попередила вимагав вимагала відкинув відкинула розкритикував розкритикувала звинуватив
  звинуватила закликав закликала закликали наполягає наполягав наполягала каже кажуть заявляє повідомляє зазначає наголошує
  вважає
`));

const foldedLower = (word: string): string => word.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'");

/** A short stem ("мер", "глав") only with a case ending after it: "мэра", "главой", never "Меркель" or "Главный". */
const SHORT_STEM = 4;
const CASE_ENDING = /^(?:|а|я|у|ю|ом|ем|ём|е|є|і|ї|ові|еві|ы|и|ой|ою|ею|єю|ам|ами|ах)$/;

const startsWithAny = (word: string, stems: readonly string[]): boolean => {
  const lower = foldedLower(word);
  return stems.some((stem) => lower.startsWith(stem) && (stem.length > SHORT_STEM || CASE_ENDING.test(lower.slice(stem.length))));
};

/** Whether a Cyrillic word is a title or occupation written before a name, in any case and either language. */
export function isCyrillicTitle(word: string): boolean {
  // Hyphenated titles ("директоркою-розпорядницею", "вице-премьер") are titles by either part.
  return foldedLower(word).split('-').some((part) => part.length > 1 && startsWithAny(part, TITLE_STEMS)) || startsWithAny(word, TITLE_STEMS);
}

export function isCyrillicHonorific(word: string): boolean {
  const lower = foldedLower(word);
  return HONORIFIC_STEMS.some((stem) => lower === stem || (lower.startsWith(stem) && lower.length - stem.length <= 2));
}

export function isCyrillicOrganisationHead(word: string): boolean {
  return startsWithAny(word, ORGANISATION_STEMS);
}
