#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, hashSources, serializeBundle, type LoadedBundle } from './core/bundle';
import { formatCitation, parseCitationStyle, CITATION_STYLES } from './core/cite/styles';
import { markSnippet } from './core/search/snippet';
import type { SearchHit } from './core/search/searchIndex';
import { loadBundledCorpus, readManifestSources } from './node/bundledSources';

const USAGE = `Usage: briefing <command> [options]

Commands:
  search <query> [--limit N] [--json] [--corpus DIR]   ranked passages for a query
  suggest <text> [--json]                               completions for what you are typing
  cite <passageId> [--style STYLE]                      a citation (${CITATION_STYLES.join('|')}|markdown)
  show <passageId> [--json]                             a passage with its source and location
  docs [--json]                                         the documents and their metadata
  index <DIR> --out <FILE>                              build and save the search index of DIR

Options:
  --corpus DIR   search the documents of DIR (a folder with sources.json) instead of the bundled ones
  --help         show this help`;

/** A problem the user can fix; printed as one line, never as a stack trace. */
class UsageError extends Error {}

const extensionRoot = path.resolve(__dirname, '..');
const color = process.stdout.isTTY && !process.env.NO_COLOR;

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      limit: { type: 'string' },
      json: { type: 'boolean' },
      style: { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const load = (): LoadedBundle =>
    values.corpus ? buildBundle(readManifestSources(path.resolve(values.corpus))) : loadBundledCorpus(extensionRoot, warn);

  switch (command) {
    case 'search': {
      const query = args.join(' ').trim();
      if (!query) throw new UsageError('search needs a query, e.g. briefing search "prisoner exchange"');
      const limit = values.limit === undefined ? 5 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${values.limit}"`);
      const hits = load().index.search(query, { limit });
      if (values.json) return printJson(hits.map(hitToJson));
      if (hits.length === 0) return void process.stdout.write(`No passages match "${query}".\n`);
      hits.forEach((hit, rank) => process.stdout.write(formatHit(hit, rank + 1) + '\n'));
      return;
    }
    case 'suggest': {
      const text = args.join(' ');
      if (!text.trim()) throw new UsageError('suggest needs the text typed so far');
      const suggestions = load().index.suggest(text);
      if (values.json) return printJson(suggestions);
      for (const suggestion of suggestions) process.stdout.write(suggestion.text + '\n');
      return;
    }
    case 'cite': {
      const { passage, meta } = findPassage(load(), args[0]);
      const style = parseCitationStyle(values.style ?? 'inline');
      if (!style) throw new UsageError(`unknown style "${values.style}"; use one of ${CITATION_STYLES.join(', ')}, markdown`);
      const parts = formatCitation(passage, meta, style);
      process.stdout.write(style === 'footnote' ? `[^1]\n\n[^1]: ${parts.entry}\n` : style === 'apa' || style === 'chicago' ? `${parts.inText}\n\n${parts.entry}\n` : `${parts.inText}\n`);
      return;
    }
    case 'show': {
      const { passage, meta } = findPassage(load(), args[0]);
      if (values.json) return printJson({ passage, source: meta });
      const lines = [
        `${meta.title}${meta.outlet ? ` — ${meta.outlet}` : ''}${meta.author ? ` — by ${meta.author}` : ''} (${meta.date.label})`,
        `${passage.heading ? `${passage.heading}\n` : ''}`,
        passage.text,
        '',
        `${passage.id} · ${passage.kind} · ${meta.file}, characters ${passage.span.start}–${passage.span.end}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
      return;
    }
    case 'docs': {
      const { corpus } = load();
      if (values.json) {
        return printJson(corpus.documents.map((document) => ({ ...document.meta, passages: document.passages.length, sections: document.sections })));
      }
      for (const { meta, passages } of corpus.documents) {
        const by = [meta.author && `by ${meta.author}`, meta.outlet].filter(Boolean).join(', ');
        process.stdout.write(`${meta.id}\n  ${meta.title}\n  ${meta.kind}${by ? ` · ${by}` : ''} · ${meta.date.label} · ${passages.length} passages\n`);
      }
      return;
    }
    case 'index': {
      if (!args[0]) throw new UsageError('index needs a folder, e.g. briefing index data --out index.json');
      if (!values.out) throw new UsageError('index needs --out FILE');
      const sources = readManifestSources(path.resolve(args[0]));
      const started = performance.now();
      const bundle = buildBundle(sources);
      writeFileSync(values.out, JSON.stringify(serializeBundle(bundle, hashSources(sources))));
      if (!values.quiet) {
        process.stdout.write(`Indexed ${bundle.corpus.passageCount} passages from ${sources.length} documents in ${Math.round(performance.now() - started)} ms → ${values.out}\n`);
      }
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"; run briefing --help`);
  }
}

function findPassage(bundle: LoadedBundle, id: string | undefined): NonNullable<ReturnType<typeof lookup>> {
  if (!id) throw new UsageError('a passage id is needed, e.g. wtn-talks-stall#economic-impact-on-russia (see briefing search --json)');
  const found = lookup(bundle, id);
  if (!found) throw new UsageError(`no passage with id "${id}"; find ids with briefing search "<query>" --json`);
  return found;
}

function lookup(bundle: LoadedBundle, id: string) {
  const passage = bundle.corpus.passage(id);
  const meta = passage && bundle.corpus.meta(passage.docId);
  return passage && meta ? { passage, meta } : undefined;
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
  };
}

function formatHit(hit: SearchHit, rank: number): string {
  const open = color ? '\x1b[1;33m' : '**';
  const close = color ? '\x1b[0m' : '**';
  const source = [hit.meta.outlet ?? hit.meta.author, `“${hit.meta.title}”`].filter(Boolean).join(', ');
  return [
    `${rank}. ${source}${hit.passage.heading ? ` › ${hit.passage.heading}` : ''}`,
    `   ${markSnippet(hit.snippet, open, close)}`,
    `   ${hit.passage.id}`,
    '',
  ].join('\n');
}

function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function warn(message: string): void {
  process.stderr.write(`briefing: ${message}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  warn(known ? (error as Error).message : `error: ${(error as Error).message}`);
  process.exitCode = known ? 2 : 1;
}
