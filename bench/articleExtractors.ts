/**
 * The extractors the article eval compares, each turning a saved page into
 * the article text it would give a reader (and the title, author and date it
 * finds): Mozilla Readability exactly as the benchmark runs it, Readability on
 * the DOM Briefing uses, and Briefing as it indexes a page.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { performance } from 'node:perf_hooks';
import { parseWithLinkedom, readHtmlPage, type DomParser } from '../src/core/sources/htmlPage';
import { parseUserFile } from '../src/core/sources/userSource';
import type { EvalPage } from './articleDatasets';

export interface Extraction {
  readonly text: string;
  readonly title?: string;
  readonly author?: string;
  /** The outlet, when the extractor tells it apart from the author. */
  readonly outlet?: string;
  readonly date?: string;
  readonly ms: number;
}

export interface Extractor {
  readonly name: string;
  readonly extract: (page: EvalPage) => Extraction;
}

/**
 * Readability's `textContent`, the text the benchmark's own readability_js
 * extractor prints: jsdom 27.0.0 (the version its lock file pins) with a page
 * address, Readability's defaults. It reproduces the benchmark's published
 * Readability output exactly, on all 181 pages.
 */
export const readabilityOnJsdom: Extractor = {
  name: 'Readability 0.6 (jsdom, textContent)',
  // A silent console: jsdom's complaints about pages' CSS are not results (they change nothing in the text).
  extract: (page) => readabilityText(page, (html) => new JSDOM(html, { url: page.url ?? 'https://fake-url.com', virtualConsole: new VirtualConsole() }).window.document),
};

/** The same on linkedom, the DOM Briefing builds (chosen for speed; this row shows what it costs in quality). */
export const readabilityOnLinkedom: Extractor = {
  name: 'Readability 0.6 (linkedom, textContent)',
  extract: (page) => readabilityText(page, parseWithLinkedom),
};

function readabilityText(page: EvalPage, parseDom: DomParser): Extraction {
  const started = performance.now();
  const result = new Readability(parseDom(page.html)).parse();
  const ms = performance.now() - started;
  return {
    text: result?.textContent ?? '',
    ...(result?.title ? { title: result.title } : {}),
    ...(result?.byline ? { author: result.byline } : {}),
    ...(result?.siteName ? { outlet: result.siteName } : {}),
    ...(result?.publishedTime ? { date: result.publishedTime } : {}),
    ms,
  };
}

/** Briefing as it indexes a page: the passages (and the section headings above them) of the parsed file, with its metadata. */
export const briefing: Extractor = {
  name: 'Briefing',
  extract: (page) => {
    const started = performance.now();
    const read = readHtmlPage(page.html);
    if ('reason' in read) return { text: '', ms: performance.now() - started };
    const { document } = parseUserFile({ path: `/eval/${page.name}.html`, text: page.html }, read);
    const ms = performance.now() - started;
    const lines: string[] = [];
    let section: string | undefined;
    for (const passage of document.passages) {
      if (passage.section !== section && passage.section) lines.push(passage.section);
      section = passage.section;
      if (passage.kind === 'question-answer' && passage.heading) lines.push(passage.heading);
      lines.push(passage.text);
    }
    return {
      text: lines.join('\n'),
      title: document.meta.title,
      ...(document.meta.author ? { author: document.meta.author } : {}),
      ...(document.meta.outlet ? { outlet: document.meta.outlet } : {}),
      ...(document.meta.date.from ? { date: document.meta.date.from } : {}),
      ms,
    };
  },
};
