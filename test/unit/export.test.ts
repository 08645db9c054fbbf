import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { cslItemOf, type CslItem } from '../../src/core/cite/cslItem';
import { exportItems } from '../../src/core/cite/exportSources';
import type { SourceMeta } from '../../src/core/model';
import { bundled } from './bundledCorpus';
import { bundledLookup } from './citer';

/**
 * Export must import into Zotero: each file is parsed back with a
 * maintained parser (citation-js with its BibTeX and RIS plugins, and
 * pandoc for BibTeX), and what it reads must be the sources' own metadata.
 */

const meta = (overrides: Partial<SourceMeta>): SourceMeta => ({ id: 'x', title: 'T', titleFromText: true, kind: 'note', date: { label: 'n.d.' }, file: 'x.md', origin: 'user', ...overrides });

function items(): CslItem[] {
  const lookup = bundledLookup();
  return [
    ...bundled().bundle.corpus.documents.map((document) => lookup.item(document.meta.id)!),
    cslItemOf(meta({ author: 'Maria van der Berg and Reuters Staff', title: 'Costs & 5% of GDP_{x}: a {braced} \\textbf{title}\nwith a line break', outlet: 'The Paper', url: 'https://example.org/a_b?c=1&d=2%20x', accessed: '2025-09-01', date: { label: '4 August 2025', from: '2025-08-04', to: '2025-08-04' } }), 'vanderberg2025costs'),
    cslItemOf(meta({ kind: 'transcript', author: 'Olena Kovalenko', title: 'Interview on the harbour', date: { label: '2025-05', from: '2025-05', to: '2025-05' } }), 'kovalenko2025interview'),
  ];
}

interface Read {
  readonly title?: string;
  readonly author?: Array<{ family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }>;
  readonly 'container-title'?: string;
  readonly issued?: { 'date-parts'?: number[][] };
  readonly URL?: string;
}

/** What matters to a reference manager, compared field by field: title, authors, outlet, date, address. */
function assertSameSources(read: readonly Read[], what: string, sameTitle = (a: string, b: string) => a === b): void {
  const expected = items();
  assert.equal(read.length, expected.length, what);
  for (const item of expected) {
    const found = read.find((candidate) => candidate.title !== undefined && sameTitle(candidate.title, item.title));
    assert.ok(found, `${what}: “${item.title}” read back (got ${read.map((candidate) => candidate.title).join(' | ')})`);
    const names = (list: Read['author']) => (list ?? []).map((name) => name.literal ?? [name['non-dropping-particle'] ?? name['dropping-particle'], name.family].filter(Boolean).join(' ') + (name.given ? `, ${name.given}` : ''));
    assert.deepEqual(names(found.author), names(item.author as Read['author']), `${what}: authors of ${item.id}`);
    assert.equal(found['container-title'], item['container-title'], `${what}: outlet of ${item.id}`);
    assert.deepEqual(found.issued?.['date-parts']?.[0], item.issued?.['date-parts'][0], `${what}: date of ${item.id}`);
    assert.equal(found.URL, item.URL, `${what}: address of ${item.id}`);
  }
}

describe('export of sources', () => {
  it('writes CSL JSON that citation-js reads back unchanged', () => {
    const read = new Cite(exportItems(items(), 'csl-json')).data as Read[];
    assertSameSources(read, 'CSL JSON');
  });

  it('writes BibTeX that citation-js reads back', () => {
    const text = exportItems(items(), 'bibtex');
    const read = new Cite(text).data as Read[];
    assertSameSources(read, 'BibTeX via citation-js');
  });

  it('writes BibTeX that pandoc reads back', function () {
    if (spawnSync('pandoc', ['--version']).status !== 0) {
      if (process.env.CI) throw new Error('pandoc is not installed; .ci/run installs it');
      console.log('      pandoc is not installed: this check is skipped, not passed');
      this.skip();
    }
    const result = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson'], { input: exportItems(items(), 'bibtex'), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    // Pandoc makes titles sentence case the CSL way (a capital after a colon); every other letter is kept.
    assertSameSources(JSON.parse(result.stdout) as Read[], 'BibTeX via pandoc', (a, b) => a.toLowerCase() === b.toLowerCase());
  });

  it('writes RIS that citation-js reads back', () => {
    const text = exportItems(items(), 'ris');
    const read = new Cite(text).data as Read[];
    assertSameSources(read, 'RIS via citation-js');
    assert.ok(text.split('\r\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line)), 'every line a tag: no value broke onto a line of its own');
  });
});
