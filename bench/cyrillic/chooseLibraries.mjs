/**
 * `node bench/cyrillic/chooseLibraries.mjs`: the measurement behind the choice
 * of language detector and Ukrainian/Russian stemmers (README, "Russian and
 * Ukrainian"). Detectors are scored on single sentences of the Cyrillic
 * fixtures (language known from the file name) and of the bundled English
 * texts; stemmers on how often an inflected form and the form the source
 * uses end in the same stem (pairs from the dev texts only).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { franc } from 'franc-min';

const require = createRequire(import.meta.url);
const tinyHeavy = require('tinyld/heavy');
const tinyLight = require('tinyld/light');
const tinyNormal = require('tinyld');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function sentences(text) {
  return text
    .replace(/^---[\s\S]*?---/, '')
    .split(/(?<=[.!?»"])\s+(?=[«"“„]?\p{Lu})/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 3);
}

const samples = [];
for (const split of ['dev', 'heldout']) {
  const dir = path.join(root, 'test/fixtures/cyrillic', split);
  for (const file of readdirSync(dir)) for (const s of sentences(readFileSync(path.join(dir, file), 'utf8'))) samples.push({ lang: file.slice(0, 2), text: s });
}
const english = readdirSync(path.join(root, 'data')).filter((f) => f.endsWith('.txt'));
for (const file of english) for (const s of sentences(readFileSync(path.join(root, 'data', file), 'utf8')).slice(0, 30)) samples.push({ lang: 'en', text: s });
// Short passages as a search result shows them: the first 6 words of each sentence.
for (const s of [...samples]) samples.push({ lang: s.lang, text: s.text.split(' ').slice(0, 6).join(' '), short: true });

const iso3 = { rus: 'ru', ukr: 'uk', eng: 'en' };
const detectors = {
  'franc-min': (t) => iso3[franc(t, { minLength: 1 })] ?? 'other',
  'franc-min (only en/ru/uk)': (t) => iso3[franc(t, { minLength: 1, only: ['eng', 'rus', 'ukr'] })] ?? 'other',
  'tinyld/light': (t) => tinyLight.detect(t) || 'other',
  'tinyld/light (only en/ru/uk)': (t) => tinyLight.detect(t, { only: ['en', 'ru', 'uk'] }) || 'other',
  'tinyld (normal, only en/ru/uk)': (t) => tinyNormal.detect(t, { only: ['en', 'ru', 'uk'] }) || 'other',
  'tinyld/heavy (only en/ru/uk)': (t) => tinyHeavy.detect(t, { only: ['en', 'ru', 'uk'] }) || 'other',
};
console.log(`Language of single sentences: ${samples.filter((s) => s.lang === 'ru').length} ru, ${samples.filter((s) => s.lang === 'uk').length} uk, ${samples.filter((s) => s.lang === 'en').length} en`);
for (const [name, detect] of Object.entries(detectors)) {
  const byLang = {};
  const started = performance.now();
  for (const { lang, text, short } of samples) {
    const entry = (byLang[short ? lang + '(6 words)' : lang] ??= { right: 0, all: 0 });
    entry.all++;
    if (detect(text) === lang) entry.right++;
  }
  const ms = (performance.now() - started) / samples.length;
  const right = Object.values(byLang).reduce((a, b) => a + b.right, 0);
  console.log(`  ${name.padEnd(30)} ${(right / samples.length).toFixed(3)}  ` + Object.entries(byLang).map(([l, e]) => `${l} ${e.right}/${e.all}`).join('  ') + `  ${ms.toFixed(2)} ms/sentence`);
}

// Stemmers: pairs of (a form a writer types, the form a dev text uses).
const snowball = require('snowball-stemmers');
const { StemmerUk } = require('@nlpjs/lang-uk');
const { StemmerRu } = require('@nlpjs/lang-ru');
const ruSnow = snowball.newStemmer('russian');
const ukNlp = new StemmerUk();
const ruNlp = new StemmerRu();
const pairs = {
  ru: [['переговоров', 'переговоры'], ['американцами', 'американцы'], ['паузы', 'паузе'], ['обменах', 'обменов'], ['погибшего', 'погибших'], ['военнослужащего', 'военнослужащих'], ['группа', 'групп'], ['рабочая', 'рабочих'], ['бесцельные', 'бесцельными'], ['разговор', 'разговора'], ['Путина', 'Путин'], ['Трампу', 'Трампа'], ['Украиной', 'Украины'], ['делегаций', 'делегации'], ['Кремля', 'Кремль'], ['пленными', 'пленных'], ['Киева', 'Киев'], ['сигналов', 'сигнал'], ['территорию', 'территории'], ['меморандумов', 'меморандум']],
  uk: [['полонених', 'полоненими'], ['винагорода', 'винагород'], ['агресору', 'агресор'], ['повернення', 'повернути'], ['обмінним', 'обмінний'], ['фондом', 'фонд'], ['позитивні', 'позитивна'], ['новини', 'новина'], ['відповідь', 'відповіді'], ['днями', 'днів'], ['військовослужбовці', 'військовослужбовців'], ['Зеленського', 'Зеленський'], ['України', 'Україною'], ['обміну', 'обмінів'], ['делегації', 'делегація'], ['переговорах', 'переговори'], ['військовополонених', 'військовополоненими'], ['українців', 'українці'], ['людей', 'люди'], ['полону', 'полоні']],
};
const stemmers = {
  'none (surface form)': { ru: (w) => w, uk: (w) => w },
  'snowball-stemmers russian (both)': { ru: (w) => ruSnow.stem(w), uk: (w) => ruSnow.stem(w) },
  '@nlpjs/lang-ru + @nlpjs/lang-uk': { ru: (w) => ruNlp.stemWord(w), uk: (w) => ukNlp.stemWord(w) },
  'snowball russian + @nlpjs/lang-uk': { ru: (w) => ruSnow.stem(w), uk: (w) => ukNlp.stemWord(w) },
};
console.log('Inflected pairs that meet in one stem (from the first, since replaced, dev texts):');
for (const [name, stem] of Object.entries(stemmers)) {
  const out = Object.entries(pairs).map(([lang, list]) => {
    const met = list.filter(([a, b]) => stem[lang](a.toLowerCase()) === stem[lang](b.toLowerCase())).length;
    return `${lang} ${met}/${list.length}`;
  });
  console.log(`  ${name.padEnd(36)} ${out.join('  ')}`);
}
