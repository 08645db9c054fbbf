import { strict as assert } from 'node:assert';
import { DRAFT_CASES, QUERY_CASES, SOURCE_CASES } from '../hostile/generators';
import type { SourceOutcome } from '../hostile/entryPoints';
import { CaseWatchdog } from '../hostile/watchdog';
import { repoRoot } from './bundledCorpus';

/**
 * The hostile-input suite (issue #17): every text that once hung or blew up
 * Briefing, made by a generator at a quarter of a megabyte and run through
 * the entry points the extension and the CLI use, in a worker thread that is
 * stopped when a case runs over its time (a synchronous hang cannot be
 * interrupted otherwise). Bounded work finishes each case in well under a
 * second; the quadratic steps these inputs found took minutes at this size,
 * so the generous limit below fails a regression without flaking on a busy
 * machine. Speed targets live in `npm run bench`.
 */
const BYTES = 256 * 1024;
const CASE_LIMIT_MS = 45_000;
// C0 controls but tab and line feed, DEL, C1 controls, and bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A Markdown draft with Briefing's own markup taken out: note markers and labels, block-quote marks. */
function markupFromSource(draft: string): string {
  return draft.replace(/\[\^[^\]\s]+\]:? ?/g, '').replace(/^> ?/gm, '');
}

describe('hostile input', function () {
  // The first case of a thread waits for its warm-up too (modules, the bundled sources, the citation styles).
  this.timeout(CASE_LIMIT_MS + 320_000);
  const watchdog = new CaseWatchdog(repoRoot);
  after(() => watchdog.stop());
  const source = (name: string): Promise<SourceOutcome> => {
    const bytes = SOURCE_CASES.find((testCase) => testCase.name === name)?.unitBytes ?? BYTES;
    return watchdog.run({ kind: 'source', name, bytes }, CASE_LIMIT_MS);
  };

  describe('source files: read, indexed, searched, briefed and cited in bounded time', () => {
    for (const testCase of SOURCE_CASES) {
      it(`${testCase.name}.${testCase.ext} — ${testCase.why}`, async () => {
        const outcome = await source(testCase.name);
        assert.ok(outcome.passages <= 10_000, `${outcome.passages} passages: the per-file cap holds`);
        for (const title of outcome.titles) {
          assert.doesNotMatch(title, CONTROL, 'no control characters in metadata');
          assert.doesNotMatch(title, /[\r\n\u2028\u2029]/, 'metadata is one line');
        }
        for (const { syntax, text } of outcome.drafts) {
          assert.doesNotMatch(text, CONTROL, 'no control characters reach a draft');
          assert.ok((text.match(/^\[\^[^\]]+\]:/gm) ?? []).length <= 1, `no footnote definition injected:\n${text}`);
          if (syntax !== 'markdown') continue;
          assert.doesNotMatch(markupFromSource(text), /(?<!\\)[<>[\]`]/, `no markup from the source reaches a Markdown draft unescaped:\n${text}`);
        }
      });
    }

    it('says when a cap is reached: passages per file', async () => {
      const outcome = await source('one-letter-lines');
      assert.equal(outcome.passages, 10_000);
      assert.match(outcome.notes.join('\n'), /10,000 passages/);
    });

    it('says when a cap is reached: passage length', async () => {
      const outcome = await source('one-long-line');
      assert.ok(outcome.passages > 1, 'a paragraph over the limit is cut into several passages');
      assert.match(outcome.notes.join('\n'), /characters/);
    });
  });

  describe('drafts: checked, tidied and followed in bounded time', () => {
    for (const testCase of DRAFT_CASES) {
      it(`${testCase.name} — ${testCase.why}`, async () => {
        await watchdog.run({ kind: 'draft', name: testCase.name, bytes: BYTES }, CASE_LIMIT_MS);
      });
    }
    for (const testCase of QUERY_CASES) {
      it(`search: ${testCase.name} — ${testCase.why}`, async () => {
        await watchdog.run({ kind: 'query', name: testCase.name, bytes: BYTES }, CASE_LIMIT_MS);
      });
    }
  });
});
