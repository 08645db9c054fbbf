#!/usr/bin/env node
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBriefing } from './core/brief/briefing';
import { briefingToMarkdown } from './core/brief/markdown';
import { buildBundle, hashSources, serializeBundle, type LoadedBundle } from './core/bundle';
import { EXPORT_FORMATS, parseExportFormat } from './core/cite/exportSources';
import { defaultLocator, parseLocator } from './core/cite/locator';
import { bundledStyleIds, DEFAULT_STYLE, parseStyleName } from './core/cite/styles';
import { CitationStyles } from './node/citationStyles';
import { lookupOf, exportSources } from './worker/citationService';
import { markSnippet } from './core/search/snippet';
import { asciiJson } from './core/text/asciiJson';
import type { SearchHit } from './core/search/searchIndex';
import { takeLimitNotes } from './core/limits';
import { terminalSafe } from './core/text/singleLine';
import { loadBundledCorpus, readManifestFolder } from './node/bundledSources';
import { LibraryEngine } from './node/libraryEngine';
import { analyseCorpus } from './core/brief/briefing';
import { checkDraft, isProblem, type DraftFinding, type FindingSeverity } from './worker/draftReport';
import { describeFileKind } from './node/userFiles';
import { ARCHIVE_USAGE, archiveUrlFrom, openArchive, runArchiveCommand } from './node/archive/archiveCommands';
import { ArchiveReader } from './node/archive/archiveReader';
import { UsageError } from './node/usageError';
import { defaultTopics, resolveTopic } from './core/brief/topics';
import { SearchIndex } from './core/search/searchIndex';
import { loadMeaningResources } from './node/meaningResources';
import { clipPage } from './node/clipPage';
import { PageFetchError } from './node/pageFetch';
import { pageLabel } from './core/cite/locator';
import type { Passage, SourceDocument, SourceMeta } from './core/model';
import { Corpus } from './core/corpus';

const USAGE = `Usage: briefing <command> [options]

Commands:
  search <query> [--limit N] [--json] [--corpus DIR] [--exact]
                                                        ranked passages for a query, by meaning too (--exact: words only)
  suggest <text> [--json]                               completions for what you are typing
  cite <passageId> [--style STYLE] [--locator "p. 12"]  a citation and its bibliography entry, formatted by
       [--locale en-GB] [--format text|markdown|latex]   citeproc-js; STYLE: ${bundledStyleIds().replace(/, /g, '|')}|FILE.csl
  show <passageId> [--json]                             a passage with its source and location
  brief [topic] [--json] [--markdown]                   what the sources say: people, facts, who said what,
                                                        timeline, where sources differ — all cited
  check <DRAFT> [--json] [--unsourced LEVEL]            check a draft's figures, dates and quotes against the
                                                        sources: one line per finding (file:line:col severity
                                                        message); exit 1 when there is a warning, else 0
  docs [--json] [--text]                                each document's metadata (title, author, outlet, date
                                                        and where it came from, url, file); --text adds its
                                                        passages' text in order: what Briefing read
  clip <URL> [--out DIR]                                save a web page's article as a Markdown clipping with
                                                        front matter in DIR (default ./clippings)
  index <DIR> --out <FILE>                              build and save the search index of DIR
  export [--format csl-json|bibtex|ris] [--out FILE]    every source, for Zotero, Pandoc or LaTeX
${ARCHIVE_USAGE}

Options:
  --corpus DIR   use the documents of DIR instead of the bundled ones: a folder with a
                 sources.json manifest, or any folder of .md, .txt, .html, .pdf and .docx files
  --max-kb N     skip files larger than N KB (default 2048)
  --unsourced L  how a quote no source holds is reported: error, warning, information
                 (the default), hint or off
  --db URL       the shared archive on PostgreSQL (postgres://user@host/db; or set BRIEFING_DB):
                 search, show, cite and brief then read the archive alone
  --follow-links follow links that lead outside the corpus folder (skipped by default)
  --help         show this help

Plain output has control characters (escape sequences, BEL) removed; --json output is exact.`;


const extensionRoot = path.resolve(__dirname, '..');
const color = process.stdout.isTTY && !process.env.NO_COLOR;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      limit: { type: 'string' },
      exact: { type: 'boolean' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      text: { type: 'boolean' },
      style: { type: 'string' },
      locator: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      'max-kb': { type: 'string' },
      unsourced: { type: 'string' },
      'follow-links': { type: 'boolean' },
      db: { type: 'string' },
      bundled: { type: 'boolean' },
      collection: { type: 'string' },
      'keep-missing': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const maxKb = values['max-kb'] === undefined ? 2048 : Number(values['max-kb']);
  if (!Number.isFinite(maxKb) || maxKb <= 0) throw new UsageError(`--max-kb must be a positive number, not "${values['max-kb']}"`);
  const db = archiveUrlFrom(values.db);
  if (command === 'archive') {
    if (!db) throw new UsageError('archive commands need --db postgres://user@host/database (or BRIEFING_DB)');
    return runArchiveCommand(args, {
      db,
      ...(values.collection === undefined ? {} : { collection: values.collection }),
      bundled: values.bundled === true,
      keepMissing: values['keep-missing'] === true,
      quiet: values.quiet === true,
      json: values.json === true,
      maxFileBytes: maxKb * 1024,
      extensionRoot,
      out: (text) => void process.stdout.write(text),
      warn,
    });
  }
  if (db && ['search', 'show', 'cite', 'brief'].includes(command)) return archiveCommand(command, args, db, values);
  const followLinksOutside = values['follow-links'] ?? false;
  const load = (): Promise<LoadedBundle> =>
    values.corpus ? loadFolder(checkedCorpus(values.corpus), maxKb * 1024, followLinksOutside) : Promise.resolve(loadBundledCorpus(extensionRoot, warn));

  switch (command) {
    case 'search': {
      const query = args.join(' ').trim();
      if (!query) throw new UsageError('search needs a query, e.g. briefing search "prisoner exchange"');
      const limit = parseLimit(values.limit);
      const { index } = await load();
      if (!values.exact) {
        await loadMeaningResources(extensionRoot).then(
          ({ vectors, synonyms }) => index.useMeaning(vectors, synonyms),
          (error: Error) => warn(error.message),
        );
      }
      const hits = index.search(query, { limit });
      if (values.json) return printJson(hits.map(hitToJson));
      if (hits.length === 0) return print(`No passages match "${query}".\n`);
      hits.forEach((hit, rank) => print(formatHit(hit, rank + 1) + '\n'));
      return;
    }
    case 'suggest': {
      const text = args.join(' ');
      if (!text.trim()) throw new UsageError('suggest needs the text typed so far');
      const suggestions = (await load()).index.suggest(text);
      if (values.json) return printJson(suggestions);
      for (const suggestion of suggestions) print(suggestion.text + '\n');
      return;
    }
    case 'cite': {
      const bundle = await load();
      const { passage, meta } = findPassage(bundle, args[0]);
      return printCitation(passage, meta, bundle.corpus, values);
    }
    case 'export': {
      const format = parseExportFormat(values.format ?? 'csl-json');
      if (!format) throw new UsageError(`unknown export format "${values.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
      const { corpus } = await load();
      const text = exportSources(format, corpus, lookupOf(corpus));
      if (values.out) {
        checkOut(values.out);
        writeFileSync(values.out, text);
        if (!values.quiet) process.stderr.write(`Exported ${corpus.documents.length} sources as ${format} to ${values.out}\n`);
      } else process.stdout.write(text);
      return;
    }
    case 'show': {
      const { passage, meta } = findPassage(await load(), args[0]);
      if (values.json) return printJson({ passage, source: meta });
      const lines = [
        `${meta.title}${meta.outlet ? ` — ${meta.outlet}` : ''}${meta.author ? ` — by ${meta.author}` : ''} (${meta.date.label})`,
        `${passage.heading ? `${passage.heading}\n` : ''}`,
        passage.text,
        '',
        `${passage.id} · ${passage.kind} · ${meta.file}, characters ${passage.span.start}–${passage.span.end}`,
      ];
      print(lines.join('\n') + '\n');
      return;
    }
    case 'brief': {
      const { corpus, index } = await load();
      const topic = args.join(' ').trim() || undefined;
      const briefing = buildBriefing(corpus, index, topic);
      if (values.json) return printJson(briefing);
      print(briefingToMarkdown(briefing));
      return;
    }
    case 'check': {
      if (args.length !== 1) throw new UsageError('check needs one draft file, e.g. briefing check draft.md');
      const level = values.unsourced ?? 'information';
      if (!['error', 'warning', 'information', 'hint', 'off'].includes(level)) throw new UsageError(`--unsourced must be error, warning, information, hint or off, not "${level}"`);
      const file = path.resolve(args[0]);
      const draft = readDraft(file);
      const { corpus } = await load();
      const findings = checkDraft(draft, corpus, analyseCorpus(corpus), { unsourcedQuoteSeverity: level as FindingSeverity | 'off' });
      const shown = findings.filter((finding) => values.json || (finding.status !== 'supported' && finding.status !== 'verbatim'));
      const lines = lineStarts(draft);
      if (values.json) {
        printJson(shown.map((finding) => findingToJson(finding, lines)));
      } else {
        for (const finding of shown) {
          const { line, column } = position(lines, finding.span.start);
          print(`${args[0]}:${line}:${column} ${finding.severity} ${finding.message.replace(/\s+/g, ' ')}\n`);
        }
      }
      if (findings.some(isProblem)) process.exitCode = 1;
      return;
    }
    case 'docs': {
      const { corpus } = await load();
      if (values.json) return printJson(corpus.documents.map((document) => documentJson(document, values.text === true)));
      for (const document of corpus.documents) print(documentText(document, values.text === true));
      return;
    }
    case 'clip': {
      const url = args[0];
      if (!url) throw new UsageError('clip needs a web address, e.g. briefing clip https://example.com/story --out clippings');
      const folder = path.resolve(values.out ?? 'clippings');
      let clipped;
      try {
        clipped = await clipPage(url, folder);
      } catch (error) {
        if (error instanceof PageFetchError) throw new UsageError(error.message);
        throw error;
      }
      for (const problem of clipped.problems) warn(`${clipped.path}: ${problem}`);
      if (values.json) return printJson(clipped);
      print(`Clipped “${clipped.title}” → ${clipped.path}\n`);
      return;
    }
    case 'index': {
      if (!args[0]) throw new UsageError('index needs a folder, e.g. briefing index data --out index.json');
      if (!values.out) throw new UsageError('index needs --out FILE');
      checkOut(values.out);
      const folder = checkedCorpus(args[0]);
      const started = performance.now();
      if (existsSync(path.join(folder, 'sources.json'))) {
        const { sources, skipped } = readManifestFolder(folder, maxKb * 1024);
        for (const skip of skipped) warn(`skipped ${skip.path}: ${skip.detail ?? skip.reason}`);
        const bundle = buildBundle(sources);
        writeFileSync(values.out, asciiJson(serializeBundle(bundle, hashSources(sources))));
        if (!values.quiet) print(`Indexed ${bundle.corpus.passageCount} passages from ${sources.length} documents in ${Math.round(performance.now() - started)} ms → ${values.out}\n`);
        return;
      }
      // A folder of the user's own files: the same engine (and cache format) the extension uses.
      const engine = new LibraryEngine({ extensionPath: extensionRoot, roots: [folder], includeBundled: false, maxFileBytes: maxKb * 1024, cachePath: path.resolve(values.out), followLinksOutside });
      const report = await engine.load();
      reportLoad(report);
      if (!engine.saved) throw new Error(report.notes.find((note) => note.startsWith('Could not save')) ?? `could not write ${values.out}`);
      if (!values.quiet) print(`Indexed ${report.passages} passages from ${report.userFiles} files in ${Math.round(performance.now() - started)} ms → ${values.out}\n`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"; run briefing --help`);
  }
}

/** A folder with a manifest is read like the bundled corpus; any other folder as the user's own files. */
async function loadFolder(folder: string, maxFileBytes: number, followLinksOutside: boolean): Promise<LoadedBundle> {
  if (existsSync(path.join(folder, 'sources.json'))) {
    const { sources, skipped } = readManifestFolder(folder, maxFileBytes);
    for (const skip of skipped) warn(`skipped ${skip.path}: ${skip.detail ?? skip.reason}`);
    return buildBundle(sources);
  }
  const engine = new LibraryEngine({ extensionPath: extensionRoot, roots: [folder], includeBundled: false, maxFileBytes, followLinksOutside });
  reportLoad(await engine.load());
  return { corpus: engine.index.corpus, index: engine.index.index };
}

/** Every file skipped, with its reason, and every limit reached, on stderr. */
function reportLoad(report: { skipped: ReadonlyArray<{ path: string; reason: string; detail?: string }>; problems: readonly string[]; notes: readonly string[] }): void {
  for (const skip of report.skipped) warn(`skipped ${skip.path}: ${skip.detail ?? skip.reason}`);
  for (const problem of report.problems) warn(problem);
  for (const note of report.notes) warn(note);
}

/** The corpus folder (or file), which must exist and be a folder or a regular file: a FIFO would block, a device never end. */
function checkedCorpus(given: string): string {
  const folder = path.resolve(given);
  let info;
  try {
    info = statSync(folder);
  } catch (error) {
    throw new UsageError(`cannot read ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!info.isDirectory() && !info.isFile()) throw new UsageError(`${folder} is ${describeFileKind(info)}, not a folder of sources`);
  return folder;
}

/** `--out` must be a regular file (replaced) or a new path: never a FIFO, a device or a folder. */
function checkOut(out: string): void {
  let info;
  try {
    info = statSync(out);
  } catch {
    return; // a new file
  }
  if (info.isDirectory()) throw new UsageError(`Could not save the index to ${path.resolve(out)}: it is a folder, not a file`);
  if (!info.isFile()) throw new UsageError(`Could not save the index to ${path.resolve(out)}: it is ${describeFileKind(info)}, not a regular file`);
}

function findPassage(bundle: LoadedBundle, id: string | undefined): NonNullable<ReturnType<typeof lookup>> {
  if (!id) throw new UsageError('a passage id is needed, e.g. my-notes#first-meeting (see briefing search --json for the ids)');
  const found = lookup(bundle, id);
  if (!found) throw new UsageError(`no passage with id "${id}"; find ids with briefing search "<query>" --json`);
  return found;
}

function lookup(bundle: LoadedBundle, id: string) {
  const passage = bundle.corpus.passage(id);
  const meta = passage && bundle.corpus.meta(passage.docId);
  return passage && meta ? { passage, meta } : undefined;
}

/** search, show, cite and brief over the archive alone (--db or BRIEFING_DB). */
async function archiveCommand(command: string, args: readonly string[], db: string, values: { limit?: string; json?: boolean; style?: string; format?: string; locale?: string; locator?: string }): Promise<void> {
  const connection = openArchive(db);
  const reader = new ArchiveReader(connection);
  try {
    const findArchivePassage = async (id: string | undefined): Promise<{ passage: Passage; meta: SourceMeta }> => {
      if (!id) throw new UsageError('a passage id is needed, e.g. wire:some-story#a-heading (see briefing search --db URL --json)');
      const found = await reader.passage(id);
      if (!found) throw new UsageError(`the archive has no passage "${id}" that you may read`);
      return found;
    };
    switch (command) {
      case 'search': {
        const query = args.join(' ').trim();
        if (!query) throw new UsageError('search needs a query, e.g. briefing search "prisoner exchange" --db URL');
        const limit = parseLimit(values.limit);
        const hits = await reader.search(query, { limit });
        if (values.json) return printJson(hits.map(hitToJson));
        if (hits.length === 0) return print(`No passages in the archive match "${query}".\n`);
        hits.forEach((hit, rank) => print(formatHit(hit, rank + 1) + '\n'));
        return;
      }
      case 'show': {
        const { passage, meta } = await findArchivePassage(args[0]);
        if (values.json) return printJson({ passage, source: meta });
        print(`${meta.title}${meta.outlet ? ` — ${meta.outlet}` : ''} (${meta.date.label}) · collection ${meta.collection}\n\n${passage.text}\n\n${passage.id} · ${meta.file}, characters ${passage.span.start}–${passage.span.end}\n`);
        return;
      }
      case 'cite': {
        const { passage, meta } = await findArchivePassage(args[0]);
        const document = await reader.document(meta.id);
        return printCitation(passage, meta, new Corpus(document ? [document] : []), values);
      }
      default: {
        // brief: the archive's top passages for the topic, read by the same briefing code.
        const topicText = args.join(' ').trim() || undefined;
        const queries = topicText ? resolveTopic(topicText, defaultTopics()).topic.queries : defaultTopics().flatMap((topic) => topic.queries);
        const corpus = await reader.corpusFor(queries, 20);
        const briefing = buildBriefing(corpus, SearchIndex.build(corpus), topicText);
        if (values.json) return printJson(briefing);
        print(briefingToMarkdown(briefing));
      }
    }
  } finally {
    await connection.close();
  }
}

function parseLimit(text: string | undefined): number {
  const limit = text === undefined ? 5 : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${text}"`);
  return limit;
}

/** A citation and its bibliography entry through citeproc-js, for a passage of `corpus`. */
function printCitation(passage: Passage, meta: SourceMeta, corpus: Corpus, values: { style?: string; format?: string; locale?: string; locator?: string }): void {
  const styleName = values.style ?? DEFAULT_STYLE;
  if (!parseStyleName(styleName)) throw new UsageError(`unknown style "${styleName}"; use one of ${bundledStyleIds()}, or the path of a .csl file`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'latex') throw new UsageError(`--format for cite must be text, markdown or latex, not "${format}"`);
  const { engine, notes } = new CitationStyles(extensionRoot).load(styleName, values.locale ?? 'en-US');
  for (const note of notes) warn(note);
  const item = lookupOf(corpus).item(meta.id)!;
  const locator = values.locator === undefined ? defaultLocator(passage, false) : parseLocator(values.locator);
  const [first, later] = engine.citeAll([{ item, ...(locator ? { locator } : {}) }, { item, ...(locator ? { locator } : {}) }], format);
  const entry = engine.bibliography([item], format)[0]?.text;
  const lines = engine.isNoteStyle ? [`Note: ${first}`, `Later notes: ${later}`, '', entry] : [first, '', entry];
  print(`${lines.join('\n')}\n`);
}

function hitToJson(hit: SearchHit): Record<string, unknown> {
  return {
    passageId: hit.passage.id,
    docId: hit.passage.docId,
    title: hit.meta.title,
    outlet: hit.meta.outlet ?? null,
    heading: hit.passage.heading ?? null,
    kind: hit.passage.kind,
    snippet: hit.snippet.text,
    highlights: hit.snippet.highlights,
    text: hit.passage.text,
    span: hit.passage.span,
    score: Number(hit.score.toFixed(4)),
    ...(hit.meta.origin === 'archive' ? { origin: 'archive', collection: hit.meta.collection ?? null } : {}),
  };
}

/** Where a matched word starts and ends in plain output: private-use characters that `print` turns into colour (or **) after removing the sources' own escape sequences. */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

function formatHit(hit: SearchHit, rank: number): string {
  const open = MARK_OPEN;
  const close = MARK_CLOSE;
  const source = [hit.meta.outlet ?? hit.meta.author, `“${hit.meta.title}”`].filter(Boolean).join(', ');
  return [
    `${rank}. ${source}${hit.passage.heading ? ` › ${hit.passage.heading}` : ''}`,
    `   ${markSnippet(hit.snippet, open, close)}`,
    `   ${hit.passage.id}`,
    '',
  ].join('\n');
}

/** A draft as text: a clear message for a folder, a missing file or one that is not UTF-8 text. */
function readDraft(file: string): string {
  let size: number;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new UsageError(`${file} is a folder; check needs a draft file`);
    if (!info.isFile()) throw new UsageError(`${file} is ${describeFileKind(info)}, not a draft file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > 20 * 1024 * 1024) throw new UsageError(`${file} is larger than 20 MB; check a draft, not an archive`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new UsageError(`${file} is not a text file`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

/** Where each line of a text starts, to turn offsets into line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset (columns count UTF-16 code units, as editors do). */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

function findingToJson(finding: DraftFinding, lines: readonly number[]): Record<string, unknown> {
  const { line, column } = position(lines, finding.span.start);
  return {
    kind: finding.kind,
    status: finding.status,
    severity: finding.severity,
    text: finding.text,
    span: finding.span,
    line,
    column,
    message: finding.message,
    ...(finding.reason ? { reason: finding.reason } : {}),
    ...(finding.sourceSpeaker ? { sourceSpeaker: finding.sourceSpeaker.name } : {}),
    ...(finding.fix ? { fix: finding.fix } : {}),
    sources: finding.sources.map((source) => ({ passageId: source.passageId, quote: source.quote, title: source.meta.title, outlet: source.meta.outlet ?? null })),
  };
}

/** A document as `briefing docs --json` gives it: metadata with where the date came from, and (with --text) its passages in order. */
function documentJson(document: SourceDocument, withText: boolean): Record<string, unknown> {
  const { meta } = document;
  return {
    id: meta.id,
    title: meta.title,
    author: meta.author ?? null,
    outlet: meta.outlet ?? null,
    date: { label: meta.date.label, from: meta.date.from ?? null, to: meta.date.to ?? null, source: meta.date.source ?? (meta.date.evidence ? 'inferred from the text' : null) },
    saved: meta.saved ?? null,
    url: meta.url ?? null,
    file: meta.file,
    format: meta.format ?? (meta.origin === 'bundled' ? 'text' : null),
    kind: meta.kind,
    origin: meta.origin,
    sections: document.sections,
    passages: withText
      ? document.passages.map((passage) => ({ id: passage.id, ...(passage.section ? { section: passage.section } : {}), ...(passage.kind === 'question-answer' ? { question: passage.heading } : {}), ...(passage.page !== undefined ? { page: passage.page } : {}), ...(passage.lastPage !== undefined ? { lastPage: passage.lastPage } : {}), text: passage.text }))
      : document.passages.length,
  };
}

function documentText(document: SourceDocument, withText: boolean): string {
  const { meta } = document;
  const by = [meta.author && `by ${meta.author}`, meta.outlet].filter(Boolean).join(', ');
  const date = `${meta.date.label}${meta.date.source ? ` (${meta.date.source})` : ''}${meta.saved ? ` · saved ${meta.saved}` : ''}`;
  const lines = [meta.id, `  ${meta.title}`, `  ${meta.kind}${by ? ` · ${by}` : ''} · ${date} · ${document.passages.length} passages`];
  if (meta.url) lines.push(`  ${meta.url}`);
  if (meta.origin === 'user') lines.push(`  ${meta.file}`);
  if (withText) {
    let section: string | undefined;
    for (const passage of document.passages) {
      if (passage.section && passage.section !== section) lines.push('', `  ## ${passage.section}`);
      section = passage.section;
      const where = pageLabel(passage);
      const question = passage.kind === 'question-answer' && passage.heading ? `${passage.heading}\n    ` : '';
      lines.push('', `    ${where ? `[${where}] ` : ''}${question}${passage.text.replace(/\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n') + '\n\n';
}


/** Plain output: what sources say is untrusted, so escape sequences and control characters never reach the terminal. */
function print(text: string): void {
  const open = color ? '\x1b[1;33m' : '**';
  const close = color ? '\x1b[0m' : '**';
  process.stdout.write(terminalSafe(text).replaceAll(MARK_OPEN, open).replaceAll(MARK_CLOSE, close));
}

/** JSON output, exact: controls are \u escapes in JSON already; C1 controls and line separators are escaped too, so no terminal acts on them. */
function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n');
}

function warn(message: string): void {
  process.stderr.write(`briefing: ${terminalSafe(message)}\n`);
}

// `briefing docs | head -1`: the reader went away; stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(() => {
  for (const note of takeLimitNotes()) warn(note);
}).catch((error: unknown) => {
  const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  warn(known ? (error as Error).message : `error: ${(error as Error).message}`);
  process.exitCode = known ? 2 : 1;
});
