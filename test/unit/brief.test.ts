import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus';
import { buildBriefing, citationsOf, knowledgeOfBundledCorpus, type Briefing, type Citation, type Entity, type Fact, type Stance } from '../../src/core/brief';
import { bundled, passageOf } from './bundledCorpus';

let cached: Briefing | undefined;
function briefing(): Briefing {
  const { corpus, index } = bundled().bundle;
  cached ??= buildBriefing(corpus, index);
  return cached;
}

function entity(id: string): Entity {
  const found = briefing().entities.find((candidate) => candidate.id === id);
  assert.ok(found, `no entity ${id}; have ${briefing().entities.map((e) => e.id).join(', ')}`);
  return found;
}

function factWith(asWritten: string, kind?: Fact['kind']): Fact {
  const found = briefing().facts.find((fact) => fact.asWritten.includes(asWritten) && (!kind || fact.kind === kind));
  assert.ok(found, `no fact written "${asWritten}"; have ${briefing().facts.map((f) => f.asWritten.join('/')).join(', ')}`);
  return found;
}

function stancesOf(speakerId: string): readonly Stance[] {
  return briefing().stances.find((group) => group.speakerId === speakerId)?.stances ?? [];
}

const ids = (citations: readonly Citation[]): string[] => [...new Set(citations.map((citation) => citation.passageId))].sort();

describe('briefing on the bundled corpus', () => {
  describe('every citation', () => {
    it('quotes its passage exactly at its span', () => {
      const all = citationsOf(briefing());
      assert.ok(all.length > 100, `expected many citations, got ${all.length}`);
      for (const citation of all) {
        const passage = passageOf(citation.passageId);
        assert.equal(passage.docId, citation.docId, citation.passageId);
        assert.equal(passage.text.slice(citation.span.start, citation.span.end), citation.quote, `${citation.passageId}@${citation.span.start}`);
        assert.ok(citation.quote.trim().length > 0);
        assert.ok(briefing().passages[citation.passageId], `briefing.passages holds ${citation.passageId}`);
      }
    });

    it('of a fact holds the figure as written, inside its span', () => {
      for (const fact of briefing().facts) {
        for (const citation of fact.citations) {
          assert.ok(citation.quote.includes(citation.asWritten), `"${citation.asWritten}" in "${citation.quote}"`);
          const passage = passageOf(citation.passageId);
          assert.equal(passage.text.slice(citation.valueSpan.start, citation.valueSpan.end), citation.asWritten);
          assert.ok(citation.valueSpan.start >= citation.span.start && citation.valueSpan.end <= citation.span.end);
        }
      }
    });

    it('never points into boilerplate: share buttons, "See also" stories, the subscribe call', () => {
      const quotes = citationsOf(briefing()).map((citation) => citation.quote).join('\n');
      for (const junk of ['Taliban', 'Trisha Paytas', 'Ozzy', 'Get link', 'Other Apps', 'Subscribe', 'Post a Comment']) {
        assert.ok(!quotes.includes(junk), `a citation quotes "${junk}"`);
      }
      const names = briefing().entities.map((e) => e.name);
      for (const junk of ['Taliban', 'Trisha Paytas', 'Ozzy Osbourne', 'Guys', 'Let', 'World Today News']) {
        assert.ok(!names.includes(junk), `"${junk}" is no entity of the sources`);
      }
    });
  });

  describe('people, places and organisations', () => {
    const roles: Array<[string, string, string]> = [
      ['dmitry-peskov', 'Kremlin spokesperson', 'istanbul-talks-blog#intro-2'],
      ['rustem-umerov', 'Ukrainian Defense Minister', 'peace-talks-qa#what-are-the-latest-updates-on-the-russia-ukraine-peace'],
      ['marco-rubio', 'US Secretary of State', 'us-russia-explainer#intro'],
      ['sergey-lavrov', 'Russian Foreign Minister', 'us-russia-explainer#intro'],
      ['andrii-sybiha', 'Foreign Minister', 'us-russia-explainer#what-role-does-ukraine-play-in-the-negotiations-between-the'],
      ['vladimir-putin', 'Russian President', 'us-russia-explainer#intro'],
      ['volodymyr-zelensky', 'Ukrainian President', 'istanbul-talks-blog#intro'],
      ['donald-trump', 'U.S. President', 'istanbul-talks-blog#intro'],
      ['donald-trump', 'US President', 'us-russia-explainer#intro'],
    ];
    for (const [id, role, passageId] of roles) {
      it(`${id} is "${role}", cited`, () => {
        const found = entity(id).roles.find((candidate) => candidate.role === role);
        assert.ok(found, `${id} roles: ${entity(id).roles.map((r) => r.role).join('; ')}`);
        assert.ok(found.citations.some((citation) => citation.passageId === passageId && citation.quote.startsWith(role)));
        assert.equal(entity(id).kind, 'person');
      });
    }

    it('merges Zelenskiy (blog) and Zelenskyy (Lennon) into one person and reports both spellings', () => {
      const zelensky = entity('volodymyr-zelensky');
      const variants = zelensky.variants.map((variant) => variant.text).sort();
      assert.deepEqual(variants, ['Volodymyr Zelenskiy', 'Volodymyr Zelenskyy', 'Zelenskiy']);
      // Blog: "Volodymyr Zelenskiy" once, "Zelenskiy" four times; Lennon: "Volodymyr Zelenskyy" once.
      assert.equal(zelensky.mentionCount, 6);
      assert.deepEqual([...zelensky.docIds].sort(), ['istanbul-talks-blog', 'latest-updates-lennon']);
      assert.equal(zelensky.variants.find((variant) => variant.text === 'Zelenskiy')?.count, 4);
    });

    it('merges U.S. / US / United States, and the Kremlin with Moscow standing for it', () => {
      const us = entity('united-states');
      assert.deepEqual(us.variants.map((variant) => variant.text).sort(), ['U.S.', 'US', 'United States']);
      assert.equal(us.variants.find((variant) => variant.text === 'United States')?.count, 3, 'Lennon writes "United States" three times');
      const kremlin = entity('kremlin');
      assert.deepEqual(kremlin.variants.map((variant) => variant.text).sort(), ['Kremlin', 'Moscow']);
      assert.ok(kremlin.note?.includes("Russia's government"));
    });

    it('counts Putin across spellings, including the lowercase "putin" of the WTN article', () => {
      const putin = entity('vladimir-putin');
      assert.ok(putin.variants.some((variant) => variant.text === 'putin'));
      assert.ok(putin.mentionCount >= 15, `Putin is named 16 times in the passages, got ${putin.mentionCount}`);
      assert.equal(putin.citations.length, putin.mentionCount);
      for (const citation of putin.citations) assert.match(citation.quote, /putin/i);
    });

    it('finds the places and organisations the texts name', () => {
      for (const id of ['istanbul', 'crimea', 'donbas', 'sumy', 'minsk', 'belarus', 'turkey', 'nato', 'united-nations', 'european-union', 'kyiv']) entity(id);
      assert.equal(entity('sumy').passageIds[0], 'istanbul-talks-blog#intro-3');
      assert.equal(entity('nato').kind, 'organisation');
    });

    it('finds names the alias table does not know, and drops chatty openers', () => {
      const corpus = Corpus.parse([
        {
          raw: 'Talks resume\nGuys, German Chancellor Olaf Scholz met Emmanuel Macron in Paris on Tuesday. Let me explain why that matters for Putin.',
          hints: { id: 'synthetic', kind: 'note', date: { label: 'n.d.' }, file: 'synthetic.txt', origin: 'user' },
        },
      ]);
      const { index } = bundled().bundle;
      // A corpus of the user's own gets no alias table unless it is given: here the bundled corpus's.
      const knowledge = knowledgeOfBundledCorpus();
      const names = buildBriefing(corpus, index, undefined, { knowledge }).entities.map((e) => `${e.name}:${e.curated ? 'curated' : 'found'}`);
      assert.ok(names.includes('Olaf Scholz:found'), names.join(', '));
      const scholz = buildBriefing(corpus, index, undefined, { knowledge }).entities.find((e) => e.name === 'Olaf Scholz');
      assert.deepEqual(scholz?.roles.map((role) => role.role), ['German Chancellor']);
      assert.ok(names.includes('Emmanuel Macron:found'), names.join(', '));
      assert.ok(names.includes('Vladimir Putin:curated'), names.join(', '));
      assert.ok(!names.some((name) => /^(Guys|Let)\b/.test(name)), names.join(', '));
    });

    it('merges the plain Zelensky spelling too', () => {
      const corpus = Corpus.parse([
        { raw: 'A\nPresident Zelensky spoke.', hints: { id: 'a', kind: 'note', date: { label: 'n.d.' }, file: 'a.txt', origin: 'user' } },
        { raw: 'B\nZelenskiy replied. Zelenskyy agreed.', hints: { id: 'b', kind: 'note', date: { label: 'n.d.' }, file: 'b.txt', origin: 'user' } },
      ]);
      const result = buildBriefing(corpus, bundled().bundle.index, undefined, { knowledge: knowledgeOfBundledCorpus() });
      const zelensky = result.entities.find((e) => e.id === 'volodymyr-zelensky');
      assert.deepEqual(zelensky?.variants.map((variant) => variant.text).sort(), ['Zelenskiy', 'Zelensky', 'Zelenskyy']);
      const spelling = result.disagreements.find((d) => d.kind === 'spelling');
      assert.deepEqual(spelling?.sides.map((side) => side.says).sort(), ['Zelenskiy', 'Zelensky', 'Zelenskyy']);
    });
  });

  describe('key facts and figures', () => {
    it('6.3% of GDP is one fact cited from the body, the table and the FAQ', () => {
      const fact = factWith('6.3%');
      assert.equal(fact.kind, 'percent');
      assert.equal(fact.value, 6.3);
      assert.deepEqual(ids(fact.citations), [
        'wtn-talks-stall#economic-impact-on-russia',
        'wtn-talks-stall#how-is-the-conflict-in-ukraine-impacting-russias-economy',
        'wtn-talks-stall#russian-defense-spending',
      ]);
      assert.match(fact.measures, /defense spending/i);
      assert.match(fact.measures, /GDP/);
    });

    it('13.5 trillion rubles and $172 billion, in the currency written', () => {
      const rubles = factWith('13.5 trillion rubles');
      assert.equal(rubles.kind, 'money');
      assert.equal(rubles.unit, 'RUB');
      assert.equal(rubles.value, 13.5e12);
      assert.equal(rubles.citations.length, 2, 'body and FAQ');
      const dollars = factWith('$172 billion');
      assert.equal(dollars.unit, 'USD');
      assert.equal(dollars.value, 172e9);
      assert.ok(dollars.asWritten.includes('$172 Billion'), 'the table writes Billion');
      assert.equal(ids(dollars.citations).length, 3);
    });

    it('the 5% of GDP NATO pledge is not merged with Russia’s 6.3%', () => {
      const pledge = factWith('5%');
      assert.equal(pledge.value, 5);
      assert.match(pledge.measures, /NATO/);
      assert.deepEqual(ids(pledge.citations), ['wtn-talks-stall#natos-response', 'wtn-talks-stall#what-is-russias-stance-on-natos-increased-defense-spending']);
    });

    it('more than 1,000 prisoners is one figure in three places, with the "each side" nuance noted', () => {
      const prisoners = factWith('more than 1,000');
      assert.equal(prisoners.value, 1000);
      assert.deepEqual([...prisoners.asWritten].sort(), ['Over 1,000', 'more than 1,000', 'over 1,000']);
      assert.equal(ids(prisoners.citations).length, 3);
      const table = prisoners.citations.find((citation) => citation.passageId === 'wtn-talks-stall#prisoners-exchanged-each-side');
      assert.ok(table?.qualifiers.includes('each side'));
      const faq = prisoners.citations.find((citation) => citation.passageId.includes('what-progress-has-been-made'));
      assert.ok(faq?.qualifiers.includes('each'), 'the FAQ says "over 1,000 captured soldiers each"');
      const body = prisoners.citations.find((citation) => citation.passageId === 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts');
      assert.ok(body && !body.qualifiers.includes('each'));
      assert.ok(prisoners.notes.some((note) => /each side/.test(note) && /per side or in total/.test(note)));
    });

    it('3,000 bodies: body, FAQ and table', () => {
      const bodies = factWith('3,000');
      assert.equal(bodies.value, 3000);
      assert.equal(ids(bodies.citations).length, 3);
      assert.match(bodies.measures, /bodies/i);
    });

    it('durations: the 50-day deadline (twice in the blog) and seven weeks', () => {
      const deadline = factWith('50-day', 'duration');
      assert.equal(deadline.value, 50);
      assert.equal(deadline.unit, 'day');
      assert.deepEqual(ids(deadline.citations), ['istanbul-talks-blog#intro', 'istanbul-talks-blog#intro-7']);
      const weeks = factWith('over seven weeks', 'duration');
      assert.equal(weeks.value, 7);
      assert.equal(weeks.unit, 'week');
    });

    it('dates are facts too, with the year null when the source does not give it', () => {
      const june2 = briefing().facts.filter((fact) => fact.kind === 'date' && fact.iso?.endsWith('06-02'));
      assert.deepEqual(june2.map((fact) => fact.iso).sort(), ['--06-02', '2025-06-02']);
      assert.equal(june2.find((fact) => fact.iso === '--06-02')?.value, null);
    });
  });

  describe('who said what', () => {
    it('Putin: "absolutely contradictory", "It’s a lot", "aggressive"', () => {
      const putin = stancesOf('vladimir-putin');
      const quotes = putin.flatMap((stance) => stance.quotes);
      assert.ok(quotes.includes('absolutely contradictory'));
      assert.ok(quotes.includes('two absolutely contradictory memorandums'));
      assert.ok(quotes.includes('aggressive'));
      const lot = putin.find((stance) => stance.quotes.includes('It’s a lot'));
      assert.equal(lot?.act, 'acknowledged');
      assert.ok(lot?.quotes.includes('we paid for it with inflation, but now we are fighting this inflation'), 'the unattributed next quote is his too');
      assert.ok(putin.some((stance) => stance.act === 'rejected' && /immediate ceasefire/.test(stance.citation.quote)));
    });

    it('Peskov acknowledged: "very difficult" and "diametrically opposed"', () => {
      const [peskov] = stancesOf('dmitry-peskov');
      assert.equal(peskov.act, 'acknowledged');
      assert.deepEqual(peskov.quotes, ['very difficult', 'diametrically opposed']);
      assert.equal(peskov.speakerAsWritten, 'Kremlin spokesperson Dmitry Peskov');
    });

    it('Zelenskiy insisted on a list: ceasefire, reparations, guarantees, no limits', () => {
      const insisted = stancesOf('volodymyr-zelensky').find((stance) => stance.act === 'insisted');
      assert.deepEqual(insisted?.items, [
        'an immediate ceasefire',
        'reparations from Russia',
        'international security guarantees',
        'no future limits on Ukraine’s defense capabilities',
      ]);
      const outlined = stancesOf('volodymyr-zelensky').find((stance) => stance.verb === 'outlined');
      assert.equal(outlined?.items.length, 3);
    });

    it('Russia’s June 2 demands, listed from the sentence that follows', () => {
      const demands = stancesOf('russia').find((stance) => stance.verb === 'presented a list of demands');
      assert.ok(demands);
      assert.equal(demands.items.length, 5);
      assert.equal(demands.items[0], 'the full withdrawal of Ukrainian troops from four Russian-occupied regions');
      assert.match(demands.items[4], /^a formal declaration of neutrality/);
      assert.ok(demands.citation.quote.startsWith('In the last meeting on June 2, Russia presented a list of demands'));
      assert.ok(demands.citation.quote.includes('These include'));
      assert.ok(stancesOf('ukraine').some((stance) => stance.act === 'rejected' && stance.citation.passageId === 'istanbul-talks-blog#intro-5'));
    });

    it('sides speak through their officials and capitals', () => {
      assert.ok(stancesOf('ukraine').some((stance) => stance.speakerAsWritten === 'A Ukrainian official'));
      assert.ok(stancesOf('kyiv').some((stance) => stance.act === 'rejected'));
      assert.ok(stancesOf('lithuania').some((stance) => stance.speakerAsWritten === 'Lithuanian officials'));
      assert.ok(!briefing().stances.some((group) => group.speakerId === 'belarus' || group.speakerId === 'minsk'), 'Putin speaks "in Minsk, Belarus", not Belarus');
    });
  });

  describe('timeline', () => {
    it('orders 2014 → February 2022 → June 2, 2025 → June 20–30 (proposed)', () => {
      const events = briefing().timeline.filter((event) => event.type === 'absolute');
      const at = (predicate: (when: string) => boolean): number => events.findIndex((event) => predicate(event.when));
      const crimea = at((when) => when === '2014');
      const invasion = at((when) => when === 'February 2022');
      const june2 = at((when) => when === 'June 2, 2025');
      const proposed = at((when) => when.startsWith('June 20–30'));
      assert.ok(crimea >= 0 && invasion > crimea && june2 > invasion && proposed > june2, events.map((event) => event.when).join(' | '));
      assert.equal(events[proposed].status, 'proposed');
      assert.equal(events[proposed].date?.year, undefined, 'the FAQ gives no year for June 20–30');
    });

    it('keeps "Febuary 2022" verbatim and both 2014 annexation mentions together', () => {
      const invasion = briefing().timeline.find((event) => event.when === 'February 2022');
      assert.deepEqual(invasion?.asWritten, ['Febuary 2022']);
      assert.ok(invasion?.citations[0].quote.includes('Febuary 2022'));
      const crimea = briefing().timeline.find((event) => event.when === '2014');
      assert.deepEqual(ids(crimea!.citations), ['latest-updates-lennon#obstacles-to-a-ceasefire', 'wtn-talks-stall#evergreen-insights-the-russia-ukraine-conflict']);
    });

    it('gives the blog’s June 2 no year, and the WTN “June 2 talks” the year of its own “June 2,2025”', () => {
      const blog = briefing().timeline.find((event) => event.citations.some((citation) => citation.passageId === 'istanbul-talks-blog#intro-5'));
      assert.equal(blog?.when, 'June 2 (year not stated)');
      assert.equal(blog?.date?.year, undefined);
      const wtn = briefing().timeline.find((event) => event.when === 'June 2, 2025');
      assert.ok(wtn?.asWritten.includes('June 2,2025'));
      assert.ok(wtn?.citations.some((citation) => citation.passageId === 'wtn-talks-stall#future-prospects-for-negotiation'));
      const earlier = briefing().timeline.find((event) => event.citations[0].passageId === 'wtn-talks-stall#deadlock-in-negotiations');
      assert.equal(earlier?.date?.inferred, true, '"earlier in June" takes 2025 only from the same article');
      assert.ok(earlier?.date?.evidence?.quote.includes('June 2,2025'));
      assert.equal(earlier?.date?.evidence?.docId, 'wtn-talks-stall');
    });

    it('keeps relative dates as written, with what they count from', () => {
      const relative = briefing().timeline.filter((event) => event.type === 'relative');
      const deadline = relative.find((event) => event.asWritten.includes('50-day'));
      assert.equal(deadline?.status, 'deadline');
      assert.match(deadline?.relativeTo ?? '', /does not say when/);
      assert.ok(relative.some((event) => event.asWritten.includes('over seven weeks') && /previous peace negotiations/.test(event.relativeTo ?? '')));
    });
  });

  describe('where sources differ', () => {
    it('Zelenskiy (blog) against Zelenskyy (Lennon), both cited', () => {
      const spelling = briefing().disagreements.find((d) => d.kind === 'spelling' && d.subject.includes('Zelensky'));
      assert.ok(spelling);
      const sides = new Map(spelling.sides.map((side) => [side.says, side]));
      assert.deepEqual([...sides.keys()].sort(), ['Zelenskiy', 'Zelenskyy']);
      assert.ok(sides.get('Zelenskiy')!.citations.every((citation) => citation.docId === 'istanbul-talks-blog'));
      assert.deepEqual(ids(sides.get('Zelenskyy')!.citations), ['latest-updates-lennon#key-players-and-their-stances']);
      assert.ok(!briefing().disagreements.some((d) => d.kind === 'spelling' && /Putin/.test(d.subject)), '"putin" differs only in case');
    });

    it('the prisoners figure: same number, "each side" in the FAQ and table only', () => {
      const nuance = briefing().disagreements.find((d) => d.kind === 'value' && d.subject.includes('1,000'));
      assert.equal(nuance?.severity, 'nuance');
      assert.equal(nuance?.sides.length, 3);
      assert.ok(nuance?.sides.some((side) => side.says === 'more than 1,000 (scope not stated)'));
    });

    it('dates of different precision, never resolved: 2022 vs Febuary 2022, June 2 vs June 2,2025', () => {
      const dates = briefing().disagreements.filter((d) => d.kind === 'date');
      const invasion = dates.find((d) => d.sides.some((side) => side.says.includes('Febuary 2022')));
      assert.equal(invasion?.severity, 'precision');
      assert.ok(invasion?.sides.some((side) => side.citations[0].docId === 'peace-talks-qa'));
      const june2 = dates.find((d) => d.sides.some((side) => side.says.startsWith('June 2 (year not stated)')));
      assert.equal(june2?.severity, 'precision');
      assert.ok(june2?.sides.some((side) => side.says.startsWith('June 2, 2025')));
      assert.ok(!dates.some((d) => d.severity === 'conflict'), 'no two sources give one event different dates');
      assert.ok(!briefing().disagreements.some((d) => d.severity === 'conflict'), 'no figure is given two values');
    });
  });
});
