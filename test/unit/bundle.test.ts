import { strict as assert } from 'node:assert';
import { hashSources, INDEX_FORMAT, loadOrBuildBundle, serializeBundle } from '../../src/core/bundle';
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
});
