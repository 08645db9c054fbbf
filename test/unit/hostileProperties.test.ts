import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { CitationStyles } from '../../src/node/citationStyles';
import { lookupOf, planInsertion } from '../../src/worker/citationService';
import { CITATION_CASES } from '../hostile/entryPoints';
import { repoRoot } from './bundledCorpus';
import { applyEdits } from '../../src/core/cite/textEdit';
import { draftProse } from '../../src/core/checks/draftText';
import { findFigures } from '../../src/core/checks/numbers';
import { findQuotes } from '../../src/core/checks/quotes';
import { tidyFootnotes } from '../../src/core/checks/tidyFootnotes';
import { LIMITS } from '../../src/core/limits';
import { readUserSource } from '../../src/core/sources/readSource';
import { splitSentences } from '../../src/core/text/sentences';
import { HOSTILE_TOKENS } from '../hostile/generators';

/**
 * Properties of the parsers and the citation formatter on any input
 * (issue #17), checked with fast-check: they terminate, and every offset
 * they give stays inside the text they were given. Inputs mix arbitrary
 * strings with the tokens parsers react to (quotes, tags, footnotes,
 * figures, escape codes).
 */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...HOSTILE_TOKENS), { maxLength: 200 }).map((tokens) => tokens.join('')),
);
const RUNS = { numRuns: 300 };
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const inside = (span: { start: number; end: number }, length: number): boolean => span.start >= 0 && span.start <= span.end && span.end <= length;

describe('hostile input: properties of the parsers on any text', function () {
  this.timeout(60_000);

  it('sentences are ordered, inside the text and never longer than the limit', () => {
    fc.assert(
      fc.property(text, (input) => {
        let previous = 0;
        for (const span of splitSentences(input)) {
          assert.ok(inside(span, input.length) && span.start >= previous && span.end > span.start);
          assert.ok(span.end - span.start <= LIMITS.sentenceChars);
          previous = span.end;
        }
      }),
      RUNS,
    );
  });

  it('a source file’s passages point inside the file, and its metadata is one line without controls', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('md', 'txt', 'html'), async (input, ext) => {
        const read = await readUserSource({ path: `/notes/any.${ext}`, text: input, modifiedMs: 0 });
        if (!('document' in read)) return;
        const { document } = read;
        for (const passage of document.passages) {
          assert.ok(inside(passage.span, input.length), JSON.stringify(passage.span));
          if (passage.headingSpan) assert.ok(inside(passage.headingSpan, input.length));
        }
        for (const field of [document.meta.title, document.meta.author ?? '', document.meta.outlet ?? '', ...document.sections]) {
          assert.doesNotMatch(field, CONTROL);
          assert.doesNotMatch(field, /[\r\n\u2028\u2029]/);
        }
      }),
      RUNS,
    );
  });

  it('a draft’s prose keeps its length; its figures and quotes lie inside it', () => {
    fc.assert(
      fc.property(text, (draft) => {
        assert.equal(draftProse(draft).text.length, draft.length);
        for (const figure of findFigures(draft)) assert.ok(inside(figure.span, draft.length) && inside(figure.valueSpan, draft.length));
        for (const quote of findQuotes(draft)) assert.ok(inside(quote.span, draft.length) && inside(quote.textSpan, draft.length) && inside(quote.sentence, draft.length));
      }),
      RUNS,
    );
  });

  it('tidying footnotes gives edits inside the draft that apply cleanly', () => {
    fc.assert(
      fc.property(text, (draft) => {
        const { edits } = tidyFootnotes(draft);
        for (const edit of edits) assert.ok(inside(edit, draft.length));
        applyEdits(draft, edits);
      }),
      RUNS,
    );
  });

  it('renumbers a note that refers to another note together with it (once overlapping edits)', () => {
    const draft = 'a[^2] b[^1]\n\n[^1]: see [^2]\n[^2]: x\n';
    assert.equal(applyEdits(draft, tidyFootnotes(draft).edits), 'a[^1] b[^2]\n\n[^1]: x\n[^2]: see [^1]\n');
  });

  it('ends a note where a note after a lone carriage return begins (once overlapping edits at 1 MB of token soup)', () => {
    const draft = 'a[^2] b[^1]\n\n[^2]: x\nlazy line\r[^1]: y\nc[^2]\n';
    const edits = tidyFootnotes(draft).edits;
    const tidied = applyEdits(draft, edits);
    assert.match(tidied, /^a\[\^1\] b\[\^2\]/, tidied);
    assert.ok(tidied.includes('lazy line') && tidied.includes(': y'), `no note text is lost: ${JSON.stringify(tidied)}`);
  });

  it('citations of a source with any metadata are one line, without controls, Markdown markup escaped', async () => {
    const styles = new CitationStyles(repoRoot);
    await fc.assert(
      fc.asyncProperty(text, text, text, async (title, author, outlet) => {
        const file = { path: '/notes/any.md', text: `---\ntitle: ${JSON.stringify(title)}\nauthor: ${JSON.stringify(author)}\noutlet: ${JSON.stringify(outlet)}\n---\nTalks resumed.\n`, modifiedMs: 0 };
        const read = await readUserSource(file);
        if (!('document' in read) || read.document.passages.length === 0) return;
        const corpus = new Corpus([read.document]);
        const passageId = read.document.passages[0].id;
        for (const { style, syntax } of CITATION_CASES) {
          const draft = 'Text.\n';
          const plan = planInsertion({ draft, at: { start: 5, end: 5 }, passageId, syntax, style, locale: 'en-US' }, corpus.passage(passageId), lookupOf(corpus), styles);
          const written = applyEdits(draft, plan.edits);
          assert.doesNotMatch(written, CONTROL);
          assert.ok((written.match(/^\[\^[^\]]+\]:/gm) ?? []).length <= 1, written);
          if (syntax === 'markdown') assert.doesNotMatch(written.replace(/\[\^[^\]\s]+\]:? ?/g, ''), /(?<!\\)[<>[\]`]/, `${style}: ${written}`);
        }
      }),
      { numRuns: 20 },
    );
  });
});
