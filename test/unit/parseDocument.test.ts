import { strict as assert } from 'node:assert';
import { fileOffsetOf } from '../../src/core/model';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { bundled, documentOf, rawOf } from './bundledCorpus';

const allText = (id: string): string => documentOf(id).passages.map((passage) => `${passage.heading ?? ''}\n${passage.text}`).join('\n');

describe('parsing the bundled documents', () => {
  it('points every passage at its exact text in the original file', () => {
    for (const { meta, passages } of bundled().bundle.corpus.documents) {
      const raw = rawOf(meta.id);
      for (const passage of passages) {
        const original = raw.slice(passage.span.start, passage.span.end);
        assert.equal(original.replace(/\s*\[\[\d+\]\]/g, ''), passage.text, `${passage.id} text is its span minus reference markers`);
        if (passage.headingSpan) assert.equal(raw.slice(passage.headingSpan.start, passage.headingSpan.end), passage.heading);
      }
    }
  });

  it('gives every passage a unique, stable id under its document', () => {
    const ids = bundled().bundle.corpus.passages.map((passage) => passage.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => /^[a-z0-9-]+#[a-z0-9-]+$/.test(id)), 'ids are docId#slug');
    assert.ok(ids.includes('wtn-talks-stall#economic-impact-on-russia'));
  });

  describe('the dash-separated Q&A document', () => {
    const document = (): ReturnType<typeof documentOf> => documentOf('peace-talks-qa');

    it('pairs each question with the answer that follows it', () => {
      const passages = document().passages;
      assert.equal(passages.length, 6);
      assert.ok(passages.every((passage) => passage.kind === 'question-answer'));
      const usRole = passages.find((passage) => passage.heading === 'What role is the U.S. playing in the peace talks?');
      assert.ok(usRole?.text.startsWith('The U.S. is actively urging both Russia and Ukraine'));
    });

    it('keeps no separator lines as content', () => {
      assert.ok(!document().passages.some((passage) => passage.text.trim() === '-'));
      assert.equal(document().dropped.filter((line) => line.reason === 'separator').length, 6);
    });
  });

  describe('the blog post with share buttons', () => {
    it('drops share buttons, "See also" promotions and the comment widget', () => {
      const text = allText('istanbul-talks-blog');
      for (const boilerplate of ['Get link', 'Other Apps', 'See also', 'Taliban', 'Trisha Paytas', 'Post a Comment']) {
        assert.ok(!text.includes(boilerplate), `no "${boilerplate}" in passages`);
      }
      const reasons = documentOf('istanbul-talks-blog').dropped.map((line) => line.reason);
      assert.equal(reasons.filter((reason) => reason === 'share-buttons').length, 9);
      assert.equal(reasons.filter((reason) => reason === 'see-also').length, 2);
    });

    it('keeps all seven story paragraphs in order', () => {
      const passages = documentOf('istanbul-talks-blog').passages;
      assert.equal(passages.length, 7);
      assert.ok(passages[0].text.startsWith('Russia and Ukraine are meeting in Istanbul'));
      assert.ok(passages[6].text.includes('50-day ultimatum'));
    });
  });

  describe('the World Today News article', () => {
    const document = (): ReturnType<typeof documentOf> => documentOf('wtn-talks-stall');

    it('takes the title from the first line and the outlet from the subscribe call', () => {
      const { outlet: _fromManifest, ...hints } = bundled().sources.find((source) => source.hints.id === 'wtn-talks-stall')!.hints;
      const parsed = parseDocument(rawOf('wtn-talks-stall'), hints);
      assert.equal(parsed.meta.title, 'Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds');
      assert.equal(parsed.meta.titleFromText, true);
      assert.equal(parsed.meta.outlet, 'World Today News', 'read from "Subscribe to World Today News"');
      assert.equal(document().meta.outlet, 'World Today News', 'and the manifest agrees');
    });

    it('recovers the headings and does not repeat the table of contents as passages', () => {
      assert.deepEqual(document().sections.slice(0, 4), [
        'Deadlock in Negotiations',
        'Key Points of Contention',
        'Prisoner Exchanges and Humanitarian Efforts',
        'Economic Impact on Russia',
      ]);
      const questions = document().passages.filter((passage) => passage.heading === 'Why are peace talks between Russia and Ukraine stalled?');
      assert.equal(questions.length, 1, 'the FAQ question appears once, with its answer');
      assert.equal(document().dropped.filter((line) => line.reason === 'table-of-contents').length, 17);
    });

    it('drops the HTML fragment, the subscribe call and the reader prompts', () => {
      const text = allText('wtn-talks-stall');
      assert.ok(!text.includes('">'));
      assert.ok(!/subscribe/i.test(text));
      assert.ok(!text.includes('Share your thoughts'));
      assert.ok(!text.includes('What are the potential long-term consequences'));
    });

    it('maps offsets in a passage’s text onto the file past the removed reference markers', () => {
      const passage = document().passages.find((candidate) => candidate.id === 'wtn-talks-stall#key-points-of-contention')!;
      const raw = rawOf('wtn-talks-stall');
      const words = 'Putin has rejected';
      assert.equal(raw.slice(fileOffsetOf(passage, 0), fileOffsetOf(passage, words.length)), words);
      // "…to combat [[3]]." in the file is "…to combat." in the text: the full stop lies past the marker.
      const economic = document().passages.find((candidate) => candidate.id === 'wtn-talks-stall#economic-impact-on-russia')!;
      const stop = economic.text.length - 1;
      assert.equal(economic.text[stop], '.');
      assert.equal(raw[fileOffsetOf(economic, stop)], '.');
      assert.equal(raw.slice(fileOffsetOf(economic, stop - 6), fileOffsetOf(economic, stop, 'end')), 'combat', 'a span ending at the marker stops before it');
    });

    it('removes reference markers from the text but not the words around them', () => {
      const passage = document().passages.find((candidate) => candidate.id === 'wtn-talks-stall#deadlock-in-negotiations');
      assert.ok(passage?.text.endsWith('“two absolutely contradictory memorandums”.'));
      assert.ok(!allText('wtn-talks-stall').includes('[['));
    });

    it('parses the key-metrics table into facts', () => {
      assert.deepEqual(
        document().tableFacts.map(({ metric, value }) => ({ metric, value })),
        [
          { metric: 'Russian Defense Spending', value: '6.3% of GDP ($172 Billion)' },
          { metric: 'Prisoners Exchanged (Each side)', value: 'Over 1,000' },
          { metric: 'Ukrainian Soldiers’ Bodies to be Returned by Russia', value: '3,000' },
        ],
      );
      const rows = document().passages.filter((passage) => passage.kind === 'table-row');
      assert.equal(rows.length, 3);
      assert.equal(rows[0].text, 'Russian Defense Spending | 6.3% of GDP ($172 Billion)', 'the row’s own words, verbatim');
      assert.ok(rows.every((row) => row.section === 'Key Metrics: Russia-Ukraine Conflict'));
    });

    it('keeps "Did You Know?" and "Pro Tip:" boxes as callouts', () => {
      const callouts = document().passages.filter((passage) => passage.kind === 'callout');
      assert.deepEqual(callouts.map((passage) => passage.heading), ['Did You Know?', 'Pro Tip']);
      assert.ok(callouts[0].text.includes('June 2,2025'));
    });

    it('pairs the FAQ questions with their answers under the FAQ heading', () => {
      const faq = document().passages.filter((passage) => passage.section === 'Frequently Asked Questions About the Russia-Ukraine Conflict');
      assert.equal(faq.length, 6);
      assert.ok(faq.every((passage) => passage.kind === 'question-answer'));
      assert.ok(faq[3].text.includes('13.5 trillion rubles ($172 billion)'));
    });
  });

  describe('the explainer', () => {
    it('keeps the introduction and seven Q&A pairs', () => {
      const passages = documentOf('us-russia-explainer').passages;
      assert.equal(passages[0].kind, 'paragraph');
      assert.equal(passages.filter((passage) => passage.kind === 'question-answer').length, 7);
    });
  });

  describe('the blog post with a byline', () => {
    it('reads the author from the byline and keeps the view counter out of the text', () => {
      const { author: _fromManifest, ...hints } = bundled().sources.find((source) => source.hints.id === 'latest-updates-lennon')!.hints;
      assert.equal(parseDocument(rawOf('latest-updates-lennon'), hints).meta.author, 'Jhon Lennon', 'read from "by Jhon Lennon 43 views"');
      const document = documentOf('latest-updates-lennon');
      assert.equal(document.meta.author, 'Jhon Lennon');
      assert.ok(!allText('latest-updates-lennon').includes('43 views'));
      assert.deepEqual(document.dropped.map((line) => line.reason).sort(), ['byline', 'title']);
    });

    it('puts each paragraph under its plain-line heading', () => {
      const document = documentOf('latest-updates-lennon');
      assert.deepEqual(document.sections, [
        'Current Status of Negotiations',
        'Key Players and Their Stances',
        'Obstacles to a Ceasefire',
        'Potential Paths Forward',
        'International Reaction and Mediation Efforts',
        'Potential Outcomes and Long-Term Implications',
        'Conclusion',
      ]);
      const obstacles = document.passages.find((passage) => passage.section === 'Obstacles to a Ceasefire');
      assert.ok(obstacles?.text.startsWith("Now, let's talk about the roadblocks."));
    });
  });

  describe('malformed input', () => {
    const hints = { id: 'odd', file: 'odd.txt', kind: 'note' as const, date: { label: 'n.d.' }, origin: 'user' as const };

    it('parses an empty text to no passages', () => {
      assert.equal(parseDocument('', hints).passages.length, 0);
    });

    it('keeps markup inside prose as literal text, and drops lines that are only markup', () => {
      const prose = 'A paragraph that mentions <script>alert(1)</script> in passing, as text.';
      const document = parseDocument(`Heading\n\n${prose}\n\n<div class="ad"><img src="x.png"></div>\n`, hints);
      assert.deepEqual(document.passages.map((passage) => passage.text), [prose]);
      assert.deepEqual(document.dropped.map((line) => line.reason).sort(), ['html-fragment', 'title']);
    });

    it('reads a user file with one paragraph per line (no blank lines) line by line', () => {
      const raw = 'Grain deal talks resume\nBy Jane Doe\nNegotiators met in Istanbul on Monday.\nInsurance costs\nUnderwriters said premiums fell by 12%.\nWhat happens next?\nThe parties will meet again in July.\n';
      const document = parseDocument(raw, hints);
      assert.equal(document.meta.title, 'Grain deal talks resume');
      assert.equal(document.meta.author, 'Jane Doe');
      assert.deepEqual(document.sections, ['Insurance costs']);
      assert.deepEqual(document.passages.map((passage) => passage.kind), ['paragraph', 'paragraph', 'question-answer']);
      const lineByLine = parseDocument('Heading\nA paragraph that mentions <script>alert(1)</script> in passing, as text.\n<div class="ad"><img src="x.png"></div>\n', hints);
      assert.deepEqual(lineByLine.passages.map((passage) => passage.text), ['A paragraph that mentions <script>alert(1)</script> in passing, as text.']);
      const crlf = 'Title line\r\nFirst paragraph here.\r\nSecond paragraph here.\r\n';
      assert.deepEqual(parseDocument(crlf, hints).passages.map((passage) => crlf.slice(passage.span.start, passage.span.end)), ['First paragraph here.', 'Second paragraph here.']);
    });

    it('keeps a closing paragraph that states something and ends on a question, and drops a bare reader prompt', () => {
      const rhetorical = 'The shelling went on for a week. Nobody in the ministry answered. Who will answer for it?';
      const document = parseDocument(`Heading\n\nThe town had no power for days.\n\n${rhetorical}\n\nWhat do you think? Will the talks resume?\n`, hints);
      assert.deepEqual(document.passages.map((passage) => passage.text), ['The town had no power for days.', rhetorical]);
      assert.deepEqual(document.dropped.map((line) => line.reason).sort(), ['reader-prompt', 'title']);
    });

    it('handles Windows line endings with exact offsets', () => {
      const raw = 'Title line\r\n\r\nFirst paragraph here.\r\n\r\nSecond paragraph here.\r\n';
      const document = parseDocument(raw, hints);
      assert.deepEqual(document.passages.map((passage) => raw.slice(passage.span.start, passage.span.end)), ['First paragraph here.', 'Second paragraph here.']);
    });
  });
});
