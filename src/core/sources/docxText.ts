import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import type { SkipReason } from './fileContent';
import { cleanAuthor, isPlausibleTitle, type DocumentMetadata } from './documentMetadata';
import { blocksOfHtml } from './htmlPage';
import { scanHtml } from './htmlScan';
import { showBlocksAsText, type ReadableText } from './readableText';

/**
 * Reads a Word file (.docx) through mammoth: paragraphs, headings and
 * list items in order, with the title and author from the document's
 * properties (docProps/core.xml). Before mammoth unpacks anything, the
 * archive is inflated once in small steps with a cap on what it may
 * unpack, so a zip bomb is refused instead of filling memory.
 */

/** The most the parts of a Word file Briefing reads (its XML) may unpack to. */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;
const STEP_BYTES = 16 * 1024;

/** Reads a .docx, or says why it cannot be read. */
export async function readDocx(bytes: Uint8Array, options: { maxUnpackedBytes?: number } = {}): Promise<ReadableText | { reason: SkipReason; detail: string }> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { reason: 'encrypted', detail: 'is password-protected (or an old .doc file renamed .docx)' };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { reason: 'corrupt', detail: 'is not a Word document (not a zip archive)' };
  const inspected = inspectArchive(bytes, options.maxUnpackedBytes ?? MAX_DOCX_UNPACKED_BYTES);
  if ('reason' in inspected) return inspected;
  if (!inspected.names.has('word/document.xml')) return { reason: 'corrupt', detail: 'is not a Word document (no word/document.xml inside)' };

  const mammoth = await import('mammoth');
  let html: string;
  try {
    const convert = (mammoth.default ?? mammoth).convertToHtml;
    const images = (mammoth.default ?? mammoth).images;
    const result = await convert({ buffer: bytes } as never, {
      // Images are not text: never read them (a Word file may hold hundreds of megabytes of them).
      convertImage: images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (error) {
    return { reason: 'corrupt', detail: `could not be read as a Word document (${(error as Error).message.split('\n')[0].slice(0, 120)})` };
  }
  const blocks = blocksOfHtml(scanHtml(html));
  if (blocks.length === 0) return { reason: 'no-text', detail: 'has no text' };
  const shown = showBlocksAsText(blocks);
  return { ...shown, metadata: coreProperties(inspected.coreXml), method: 'docx' };
}

/**
 * Inflates the archive's XML parts in 16 KB steps, counting what comes
 * out, and stops past the cap. Keeps docProps/core.xml; lists the names.
 */
function inspectArchive(bytes: Uint8Array, cap: number): { names: Set<string>; coreXml?: string } | { reason: SkipReason; detail: string } {
  const names = new Set<string>();
  const core: Uint8Array[] = [];
  let unpacked = 0;
  let problem: { reason: SkipReason; detail: string } | undefined;
  const unzip = new Unzip((file) => {
    names.add(file.name);
    // Only the XML parts are ever unpacked (mammoth reads no images): only they are checked.
    if (problem || !/\.(xml|rels)$/i.test(file.name)) return;
    const keep = file.name === 'docProps/core.xml';
    file.ondata = (error, data) => {
      if (problem) return;
      if (error) {
        problem = { reason: 'corrupt', detail: `is damaged (${error.message})` };
        return;
      }
      unpacked += data.length;
      if (unpacked > cap) {
        problem = { reason: 'too-complex', detail: `unpacks to more than ${Math.round(cap / 1024 / 1024)} MB (a zip bomb?)` };
        file.terminate();
        return;
      }
      if (keep) core.push(data);
    };
    try {
      file.start();
    } catch (error) {
      problem = { reason: 'corrupt', detail: `uses a compression Briefing cannot read (${(error as Error).message})` };
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !problem; at += STEP_BYTES) unzip.push(bytes.subarray(at, at + STEP_BYTES), at + STEP_BYTES >= bytes.length);
  } catch (error) {
    problem ??= { reason: 'corrupt', detail: `is damaged (${(error as Error).message})` };
  }
  if (problem) return problem;
  const coreXml = core.length > 0 ? new TextDecoder().decode(concat(core)) : undefined;
  return { names, ...(coreXml ? { coreXml } : {}) };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Title and author as the document's properties give them. Word's
 * "created" date is not taken for a publication date: it is often the
 * template's, or the day a draft was begun.
 */
function coreProperties(xml: string | undefined): DocumentMetadata {
  if (!xml) return {};
  const field = (name: string): string | undefined => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    const value = match?.[1] ? decodeXml(match[1]).replace(/\s+/g, ' ').trim() : undefined;
    return value || undefined;
  };
  const title = field('dc:title');
  const author = cleanAuthor(field('dc:creator'));
  return { ...(isPlausibleTitle(title) ? { title } : {}), ...(author ? { author } : {}) };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()];
    const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}
