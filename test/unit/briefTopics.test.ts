import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { briefingToMarkdown, buildBriefing, buildTopicPage, defaultTopics, parseTopics } from '../../src/core/brief';
import { bundled, passageOf, repoRoot } from './bundledCorpus';

describe('briefing topics', () => {
  describe('data/topics.json', () => {
    it('holds the nine themes, each with queries', () => {
      const topics = parseTopics(readFileSync(path.join(repoRoot, 'data', 'topics.json'), 'utf8'));
      assert.deepEqual(
        topics.map((topic) => topic.id),
        ['territory', 'ceasefire', 'humanitarian', 'security', 'economy', 'us-role', 'mediators', 'history', 'outlook'],
      );
      assert.deepEqual(defaultTopics(), topics);
      for (const topic of topics) assert.ok(topic.queries.length > 0 && topic.description.length > 0, topic.id);
    });

    it('rejects malformed topics with a message naming the problem', () => {
      assert.throws(() => parseTopics('{'), /not valid JSON/);
      assert.throws(() => parseTopics('{"topics": 3}'), /expected an array of topics/);
      assert.throws(() => parseTopics('[{"id": "x", "title": "X", "queries": []}]'), /topics\[0\]\.queries: expected a non-empty array/);
      assert.throws(() => parseTopics('[{"id": "Bad Id", "title": "X", "queries": ["q"]}]'), /topics\[0\]\.id: "Bad Id"/);
      assert.throws(() => parseTopics('[{"id": "a", "title": "A", "queries": ["q"]}, {"id": "a", "title": "B", "queries": ["q"]}]'), /topics\[1\]\.id: "a" is used by an earlier topic/);
      assert.throws(() => parseTopics('[{"id": "a", "queries": ["q"]}]'), /topics\[0\]\.title: expected a non-empty string/);
      assert.deepEqual(parseTopics('[{"id": "a", "title": "A", "queries": [" q "]}]'), [{ id: 'a', title: 'A', description: '', queries: ['q'] }]);
    });
  });

  describe('topic pages', () => {
    const page = (topic: string) => {
      const { corpus, index } = bundled().bundle;
      return buildTopicPage(corpus, index, topic);
    };

    it('spans sources: at most two passages of one document', () => {
      for (const topic of defaultTopics()) {
        const result = page(topic.id);
        assert.ok(result.passages.length >= 3, `${topic.id}: ${result.passages.length} passages`);
        const perDoc = new Map<string, number>();
        for (const passage of result.passages) perDoc.set(passage.docId, (perDoc.get(passage.docId) ?? 0) + 1);
        assert.ok([...perDoc.values()].every((count) => count <= 2), topic.id);
        assert.ok(perDoc.size >= 3, `${topic.id} spans ${perDoc.size} sources`);
        assert.equal(new Set(result.passages.map((passage) => passage.passageId)).size, result.passages.length, 'no passage twice');
        for (const passage of result.passages) {
          assert.equal(passageOf(passage.passageId).text.slice(passage.citation.span.start, passage.citation.span.end), passage.citation.quote);
        }
      }
    });

    it('the humanitarian page has the prisoner and bodies figures and the exchanges passage', () => {
      const result = page('humanitarian');
      assert.ok(result.passages.some((passage) => passage.passageId === 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts'));
      const figures = result.facts.flatMap((fact) => fact.asWritten);
      assert.ok(figures.includes('more than 1,000'));
      assert.ok(figures.includes('3,000'));
    });

    it('the economy page has 6.3% of GDP and 13.5 trillion rubles; the U.S. role page has Trump and Rubio', () => {
      const economy = page('Sanctions and the economy');
      assert.equal(economy.topic.id, 'economy', 'a topic can be named by its title');
      const figures = economy.facts.flatMap((fact) => fact.asWritten);
      assert.ok(figures.includes('6.3%') && figures.includes('13.5 trillion rubles'), figures.join(', '));
      const us = page('us-role');
      const names = us.entities.map((entity) => entity.id);
      assert.ok(names.includes('donald-trump') && names.includes('marco-rubio'), names.join(', '));
    });

    it('takes free text as a topic', () => {
      const result = page('Zelenskiy children');
      assert.equal(result.freeText, true);
      assert.equal(result.passages[0]?.passageId, 'istanbul-talks-blog#intro-4');
      assert.ok(result.entities.some((entity) => entity.id === 'volodymyr-zelensky'));
      assert.deepEqual(page('zzzz qqqq').passages, []);
    });

    it('narrows a briefing to the topic', () => {
      const { corpus, index } = bundled().bundle;
      const full = buildBriefing(corpus, index);
      const narrowed = buildBriefing(corpus, index, 'history');
      assert.equal(narrowed.topic?.topic.id, 'history');
      assert.ok(narrowed.facts.length < full.facts.length);
      assert.ok(narrowed.timeline.some((event) => event.when === '2014'));
      const passages = new Set(narrowed.topic!.passages.map((passage) => passage.passageId));
      for (const group of narrowed.stances) for (const stance of group.stances) assert.ok(passages.has(stance.citation.passageId));
    });
  });

  describe('Markdown', () => {
    const markdown = (): string => {
      const { corpus, index } = bundled().bundle;
      return briefingToMarkdown(buildBriefing(corpus, index));
    };

    it('has the sections an editor expects, in order', () => {
      const text = markdown();
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
      assert.deepEqual(headings, ['Sources', 'Key facts', 'Who said what', 'Timeline', 'People & organisations', 'Where sources differ']);
    });

    it('defines every footnote it uses, naming the source and its section, never an internal id', () => {
      const text = markdown();
      const used = new Set([...text.matchAll(/\[\^(\d+)\](?!:)/g)].map((match) => match[1]));
      const defined = new Map([...text.matchAll(/^\[\^(\d+)\]: (.+)$/gm)].map((match) => [match[1], match[2]]));
      assert.deepEqual([...used].sort(), [...defined.keys()].sort());
      const entries = [...defined.values()];
      assert.ok(entries.includes('World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. Section “Economic Impact on Russia”.'), entries.join('\n'));
      assert.ok(entries.some((entry) => entry.startsWith('Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d.')));
      assert.equal(new Set(entries).size, entries.length, 'passages cited alike share one footnote');
      assert.doesNotMatch(text, /`|wtn-talks-stall|latest-updates-lennon|Passage /);
    });

    it('lists the figures, quotes, dates and differences', () => {
      const text = markdown();
      for (const expected of ['**6.3%**', '**13.5 trillion rubles**', '“diametrically opposed”', '**June 2 (year not stated)**', '**February 2022**', 'Zelenskyy', 'Kremlin spokesperson']) {
        assert.ok(text.includes(expected), `missing ${expected}`);
      }
    });
  });
});
