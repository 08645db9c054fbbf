import { strict as assert } from 'node:assert';
import { hashSources, INDEX_FORMAT, loadOrBuildBundle, serializeBundle } from '../../src/core/bundle';
import { asciiJson } from '../../src/core/text/asciiJson';
import { bundled } from './bundledCorpus';

describe('the serialized index', () => {
  const serialized = (): string => {
    const { sources, bundle } = bundled();
    return JSON.stringify(serializeBundle(bundle, hashSources(sources)));
  };

  it('loads without rebuilding when it matches the sources, and searches the same', () => {
    const { sources, bundle } = bundled();
    const loaded = loadOrBuildBundle(serialized(), sources);
    assert.equal(loaded.rebuiltBecause, undefined);
    const ids = (index: typeof bundle.index): string[] => index.search('prisoner exchange', { limit: 5 }).map((hit) => hit.passage.id);
    assert.deepEqual(ids(loaded.bundle.index), ids(bundle.index));
  });

  it('is rebuilt when a source text changed', () => {
    const { sources } = bundled();
    const edited = sources.map((source, i) => (i === 0 ? { ...source, raw: source.raw + '\nA new paragraph was added to the end.' } : source));
    const loaded = loadOrBuildBundle(serialized(), edited);
    assert.match(loaded.rebuiltBecause ?? '', /other source texts/);
    assert.ok(loaded.bundle.corpus.passages.some((passage) => passage.text === 'A new paragraph was added to the end.'));
  });

  it('is rebuilt, not trusted, when truncated, corrupt or from another format', () => {
    const { sources } = bundled();
    const text = serialized();
    assert.match(loadOrBuildBundle(text.slice(0, text.length / 2), sources).rebuiltBecause ?? '', /not valid JSON/);
    const otherFormat = JSON.stringify({ ...JSON.parse(text), format: INDEX_FORMAT - 1 });
    assert.match(loadOrBuildBundle(otherFormat, sources).rebuiltBecause ?? '', /format/);
    const wrongIndex = JSON.stringify({ ...JSON.parse(text), index: { documentCount: 1 } });
    assert.match(loadOrBuildBundle(wrongIndex, sources).rebuiltBecause ?? '', /could not be read/);
    assert.match(loadOrBuildBundle('null', sources).rebuiltBecause ?? '', /format/);
    assert.match(loadOrBuildBundle(undefined, sources).rebuiltBecause ?? '', /no prebuilt index/);
  });

  it('is written as pure ASCII and reads back every character of the texts', () => {
    const { sources, bundle } = bundled();
    const text = asciiJson(serializeBundle(bundle, hashSources(sources)));
    assert.ok(/^[\x00-\x7e]*$/.test(text), 'only ASCII in the file');
    const loaded = loadOrBuildBundle(text, sources);
    assert.equal(loaded.rebuiltBecause, undefined);
    const original = bundle.corpus.passages;
    assert.ok(original.some((passage) => /[“”’—]/.test(passage.text)), 'the corpus has characters past ASCII');
    assert.deepEqual(loaded.bundle.corpus.passages.map((passage) => passage.text), original.map((passage) => passage.text));
  });

  it('is rebuilt, not trusted, when its postings are cut short or miscounted', () => {
    const { sources } = bundled();
    const parsed = JSON.parse(serialized()) as { index: { postings: string; postingCount: number } };
    const cut = { ...parsed, index: { ...parsed.index, postings: parsed.index.postings.slice(0, Math.floor(parsed.index.postings.length / 8) * 4) } };
    assert.match(loadOrBuildBundle(JSON.stringify(cut), sources).rebuiltBecause ?? '', /could not be read/);
    const miscounted = { ...parsed, index: { ...parsed.index, postingCount: parsed.index.postingCount - 1 } };
    assert.match(loadOrBuildBundle(JSON.stringify(miscounted), sources).rebuiltBecause ?? '', /could not be read/);
  });
});
