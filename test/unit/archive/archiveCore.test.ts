import { strict as assert } from 'node:assert';
import { bundledAliases } from '../../../src/core/search/aliasTable';
import { archiveDocId, collectionNameProblem, docIdOfPassage, isArchiveId } from '../../../src/core/archive/archiveIds';
import { matchedTermsOf, passQuery, planArchiveQuery, swapPairs, swapsOf, typingTerms, typoMapOfPairs, withinOneEdit } from '../../../src/core/archive/archiveQuery';
import { documentRows, intoCollection } from '../../../src/core/archive/archiveRows';
import { parseArchiveUrl, redactUrl } from '../../../src/core/archive/archiveUrl';
import { copyField } from '../../../src/core/archive/copyText';
import { cslItem } from '../../../src/core/archive/cslItem';
import { mergeHits } from '../../../src/core/archive/mergeHits';
import { pendingMigrations, LATEST_VERSION } from '../../../src/core/archive/schema';
import { quoteLexeme, searchVector } from '../../../src/core/archive/searchVector';
import type { SearchHit } from '../../../src/core/search/searchIndex';
import { bundled, documentOf } from '../bundledCorpus';

describe('archive core (pure)', () => {
  it('writes a passage vector with the local engine terms, weighted heading A, title B, text C', () => {
    const vector = searchVector('Talks in Centre', 'Defence', 'The U.S. said defence talks went on.');
    assert.equal(vector, "'talk':1B,7C 'center':2B 'defense':3A,6C 'usa':4C 'said':5C 'went':8C");
    assert.doesNotMatch(vector, /'the'/, 'stop words left out');
    assert.equal(searchVector('', undefined, "it's O'Brien\\"), "'obrien':1C", 'apostrophes folded as in terms');
  });

  it('quotes lexemes with quotes and backslashes so tsvector input cannot be broken', () => {
    assert.equal(quoteLexeme("o'b\\"), "'o''b\\\\'");
    assert.equal(quoteLexeme('plain'), "'plain'");
    assert.equal(copyField('a\tb\nc\\d\re\0'), 'a\\tb\\nc\\\\d\\re\uFFFD');
    assert.equal(copyField(null), '\\N');
    assert.throws(() => copyField(Number.NaN));
  });

  it('plans the typed word as a prefix, aliases as alternatives, typos only on the typo pass', () => {
    const plan = planArchiveQuery('Washington negotiat', bundledAliases());
    const all = passQuery(plan, 'all');
    assert.match(all, /'usa'/, 'alias expanded before the query');
    assert.match(all, /'white' & 'house'/);
    assert.match(all, /'negotiat':\*$/, 'last word typed: prefix');
    assert.doesNotMatch(passQuery(planArchiveQuery('Washington negotiat'), 'all'), /'usa'/, "the bundled corpus's aliases only with its table");
    assert.equal(passQuery(planArchiveQuery('negotiat '), 'all'), "'negotiat'", 'a finished word is exact');
    assert.equal(passQuery(planArchiveQuery('ne'), 'all'), "'ne'", 'no prefix under three letters');
    const typo = planArchiveQuery('negotiatons peace ');
    assert.deepEqual(typo.fuzzyTerms, ['negotiaton', 'peace']);
    const typos = typoMapOfPairs([
      { word: 'negotiaton', near: 'negotiation' },
      { word: 'negotiaton', near: 'negotiate' },
      { word: 'negotiaton', near: 'nation' },
      { word: 'peace', near: 'peace' },
      { word: 'peace', near: 'place' },
    ]);
    assert.deepEqual([...typos], [['negotiaton', ['negotiation']], ['peace', ['place']]], 'only one edit away, never the word itself');
    assert.equal(passQuery(typo, 'all', typos), "'negotiaton' & 'peace'");
    assert.equal(passQuery(typo, 'typos', typos), "( 'negotiaton' | 'negotiation' ) & ( 'peace' | 'place' )");
    assert.equal(passQuery(typo, 'some', typos), "( 'negotiaton' | 'negotiation' ) | ( 'peace' | 'place' )");
  });

  it('counts one edit as the local engine does, adjacent swaps included', () => {
    for (const [a, b] of [['peace', 'peaxe'], ['peace', 'pace'], ['peace', 'peaces'], ['peace', 'paece'], ['talks', 'talsk']]) assert.ok(withinOneEdit(a, b), `${a} ~ ${b}`);
    for (const [a, b] of [['peace', 'pluce'], ['peace', 'pea'], ['peace', 'epaec']]) assert.ok(!withinOneEdit(a, b), `${a} !~ ${b}`);
    assert.ok(swapsOf(['abc']).includes('bac') && swapsOf(['abc']).includes('acb'));
    assert.deepEqual(swapPairs(['abc', 'xy']), { swaps: ['bac', 'acb', 'yx'], swapWords: ['abc', 'abc', 'xy'] });
    assert.deepEqual(typingTerms(planArchiveQuery('peace negotiat')), ['negotiat'], 'the typed word');
    assert.deepEqual(typingTerms(planArchiveQuery('peace negotiat ')), [], 'nothing typed once the word is finished');
  });

  it('finds the matched words of a hit, completions of the typed word included', () => {
    const plan = planArchiveQuery('prisoner exch');
    const matched = matchedTermsOf(plan, new Map(), 'Title', undefined, 'Prisoner exchanges went ahead; the exchange was delayed.');
    assert.deepEqual([...matched].sort(), ['exchange', 'prisoner']);
  });

  it('renames a parsed document into a collection and writes COPY rows for it', () => {
    const document = intoCollection(documentOf('wtn-talks-stall'), 'wire');
    assert.equal(document.meta.id, 'wire:wtn-talks-stall');
    assert.equal(document.meta.origin, 'archive');
    assert.ok(document.passages.every((passage) => passage.id.startsWith('wire:wtn-talks-stall#') && passage.docId === 'wire:wtn-talks-stall'));
    const rows = documentRows(document, 'raw\ttext', 'hash', 'wtn.txt');
    assert.equal(rows.passages.trim().split('\n').length, document.passages.length);
    assert.match(rows.document, /^wire:wtn-talks-stall\twire\thash\twtn\.txt\t/);
    assert.match(rows.document, /raw\\ttext/);
  });

  it('gives CSL-JSON metadata for citation tools', () => {
    const item = cslItem(documentOf('wtn-talks-stall').meta);
    assert.equal(item.type, 'article-newspaper');
    assert.equal(item['container-title'], 'World Today News');
  });

  it('names archive documents by collection and tells their ids from local ones', () => {
    assert.equal(archiveDocId('wire', 'x'), 'wire:x');
    assert.ok(isArchiveId('wire:x#p'));
    assert.ok(!isArchiveId('wtn-talks-stall#p'));
    assert.equal(docIdOfPassage('wire:x#p-2'), 'wire:x');
    assert.equal(collectionNameProblem('wire'), undefined);
    assert.match(collectionNameProblem('Bad Name') ?? '', /lowercase/);
  });

  it('keeps passwords out of URLs shown anywhere', () => {
    const parsed = parseArchiveUrl('postgres://ann:s3cret@db.example:5432/news');
    assert.ok(!('problem' in parsed));
    if ('problem' in parsed) return;
    assert.equal(parsed.hadPassword, true);
    assert.doesNotMatch(parsed.url, /s3cret/);
    assert.equal(parsed.user, 'ann');
    assert.equal(parsed.database, 'news');
    assert.equal(redactUrl('failed for postgres://ann:s3cret@db/news'), 'failed for postgres://ann:***@db/news');
    assert.match((parseArchiveUrl('http://x') as { problem: string }).problem, /postgres:\/\//);
    assert.match((parseArchiveUrl('not a url') as { problem: string }).problem, /not a URL/);
  });

  it('migrates from any older version up to the latest and refuses a newer schema', () => {
    assert.deepEqual(pendingMigrations(0).map((m) => m.version), Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    assert.deepEqual(pendingMigrations(LATEST_VERSION), []);
    assert.throws(() => pendingMigrations(LATEST_VERSION + 1), /newer than this Briefing knows/);
  });

  it('merges local and archive hits by rank, full matches first, the same text once', () => {
    const { bundle } = bundled();
    const local = bundle.index.search('prisoner exchange', { limit: 3 });
    const archiveOf = (hit: SearchHit, text?: string): SearchHit => ({
      ...hit,
      passage: { ...hit.passage, id: `wire:${hit.passage.id}`, text: text ?? hit.passage.text },
      meta: { ...hit.meta, origin: 'archive', collection: 'wire' },
    });
    const archive = [archiveOf(local[0]), archiveOf(local[1], 'Another text about a prisoner exchange.'), { ...archiveOf(local[2], 'Only about prisoners.'), matchedTerms: ['prisoner'] }];
    const merged = mergeHits('prisoner exchange', local, archive, 10);
    assert.deepEqual(
      merged.map((hit) => hit.passage.id),
      // Full matches interleaved (the archive's copy of local[0] dropped), then the partial ones.
      [local[0].passage.id, `wire:${local[1].passage.id}`, local[1].passage.id, local[2].passage.id, `wire:${local[2].passage.id}`],
    );
    assert.equal(mergeHits('prisoner exchange', local, archive, 2).length, 2);
  });
});
