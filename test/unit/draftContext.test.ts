import { strict as assert } from 'node:assert';
import { relatedQuery, withoutMarkupOf } from '../../src/core/search/relatedQuery';
import { paragraphAt } from '../../src/core/text/paragraph';
import { bundled } from './bundledCorpus';

describe('following the draft', () => {
  const draft = '# Talks\n\nFirst paragraph about Istanbul.\nStill the first.\n\nSecond paragraph on prisoner swaps.\n';

  it('finds the paragraph around the cursor', () => {
    const at = (offset: number): string => {
      const span = paragraphAt(draft, offset);
      return draft.slice(span.start, span.end);
    };
    assert.equal(at(draft.indexOf('Istanbul')), 'First paragraph about Istanbul.\nStill the first.');
    assert.equal(at(draft.indexOf('Second')), 'Second paragraph on prisoner swaps.\n');
    assert.equal(at(0), '# Talks');
  });

  it('turns a paragraph into a query of its names, figures and longer words, without markup', () => {
    const paragraph = 'Putin told reporters in **Minsk** that defence spending of 6.3% of GDP was “a lot”.[^2] <!-- briefing:x -->';
    const query = relatedQuery(paragraph);
    assert.ok(query.endsWith(' '), 'every word is whole');
    for (const word of ['Putin', 'Minsk', '6.3', 'defence', 'spending']) assert.ok(query.includes(word), `${word} in "${query}"`);
    assert.ok(!query.includes('[^2]') && !query.includes('briefing'));
    assert.equal(withoutMarkupOf('## A *heading* with [^1] marker'), 'A heading with marker');
  });

  it('finds the passages a draft paragraph is about', () => {
    const query = relatedQuery('Vladimir Putin said in Minsk that defence spending, now 6.3% of GDP, had fuelled inflation.');
    const top = bundled().bundle.index.search(query, { limit: 3 }).map((hit) => hit.passage.id);
    assert.ok(top.some((id) => /^wtn-talks-stall#(economic-impact-on-russia|how-is-the-conflict)/.test(id)), top.join(', '));
    assert.ok(top.every((id) => id.startsWith('wtn-talks-stall#')), 'all from the article that reports the figure');
  });
});
