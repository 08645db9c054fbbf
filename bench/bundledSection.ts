/**
 * The bundled corpus: how long its briefing takes, the time to a first
 * result in a fresh process, and the extension's activation cost (module
 * load and activate() with a stand-in `vscode`).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBriefing } from '../src/core/brief/briefing';
import { loadOrBuildBundle } from '../src/core/bundle';
import { Corpus } from '../src/core/corpus';
import { SearchIndex } from '../src/core/search/searchIndex';
import { readManifestSources } from '../src/node/bundledSources';
import { inChild } from './children';
import { LIMIT, log, ROOT } from './options';
import { round, summarize, table, time } from './stats';
import { fakeContext, installVscodeStub } from './vscodeStub';

export interface BundledFigures {
  readonly briefing: { readonly coldMs: number; readonly warmMs: number };
  readonly firstResult: FirstResult | { readonly status: string };
  readonly activation: Activation | { readonly status: string };
}

interface FirstResult {
  readonly readMs: number;
  readonly loadMs: number;
  readonly firstSearchMs: number;
  readonly totalMs: number;
  readonly rebuiltBecause?: string;
  readonly hits: number;
}

interface Activation {
  readonly moduleLoadMs: number;
  readonly activateMs: number;
  readonly totalMs: number;
  readonly bundleKB: number;
  readonly subscriptions: number;
}

/** In a child: read the prebuilt bundled index, load it, and run the first search. */
export function firstResultChild(): FirstResult | { status: string } {
  const indexPath = path.join(ROOT, 'dist', 'bundled-index.json');
  if (!existsSync(indexPath)) return { status: 'skipped: dist/bundled-index.json is missing (run npm run build)' };
  const start = performance.now();
  const read = time(() => ({ sources: readManifestSources(path.join(ROOT, 'data')), serialized: readFileSync(indexPath, 'utf8') }));
  const loaded = time(() => loadOrBuildBundle(read.value.serialized, read.value.sources));
  const first = time(() => loaded.value.bundle.index.search('prisoner exchange', { limit: LIMIT }));
  return {
    readMs: round(read.ms),
    loadMs: round(loaded.ms),
    firstSearchMs: round(first.ms),
    totalMs: round(performance.now() - start),
    ...(loaded.value.rebuiltBecause ? { rebuiltBecause: loaded.value.rebuiltBecause } : {}),
    hits: first.value.length,
  };
}

/** In a child: require dist/extension.js with a stand-in vscode, then call activate(). */
export function activationChild(): Activation | { status: string } {
  const bundlePath = path.join(ROOT, 'dist', 'extension.js');
  if (!existsSync(bundlePath)) return { status: 'skipped: dist/extension.js is missing (run npm run build)' };
  installVscodeStub(readFileSync(bundlePath, 'utf8'));
  const load = time(() => createRequire(__filename)(bundlePath) as { activate: (context: unknown) => unknown });
  const context = fakeContext(ROOT);
  const activate = time(() => load.value.activate(context));
  return {
    moduleLoadMs: round(load.ms),
    activateMs: round(activate.ms),
    totalMs: round(load.ms + activate.ms),
    bundleKB: Math.round(statSync(bundlePath).size / 1024),
    subscriptions: (context.subscriptions as unknown[]).length,
  };
}

function childFigures<T>(name: string): T | { status: string } {
  const result = inChild<T | { status: string }>(name);
  return result.ok ? result.figures : { status: result.status };
}

export function measureBundled(): BundledFigures {
  const corpus = Corpus.parse(readManifestSources(path.join(ROOT, 'data')));
  const index = SearchIndex.build(corpus);
  const cold = time(() => buildBriefing(corpus, index));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(time(() => buildBriefing(corpus, index)).ms);
  return {
    briefing: { coldMs: round(cold.ms), warmMs: summarize(warm).p50 },
    firstResult: childFigures<FirstResult>('first-result'),
    activation: childFigures<Activation>('activation'),
  };
}

export function printBundled(bundled: BundledFigures): void {
  const { briefing, firstResult: first, activation } = bundled;
  log('\n## Bundled corpus');
  log(table(
    ['measure', 'value'],
    [
      ['briefing (buildBriefing of the whole corpus)', `${briefing.coldMs} ms cold, ${briefing.warmMs} ms warm`],
      ['time to first result (fresh process)', 'status' in first ? first.status :
        `${first.totalMs} ms = read ${first.readMs} + load ${first.loadMs} + first search ${first.firstSearchMs} (${first.hits} hits)${first.rebuiltBecause ? ` — rebuilt: ${first.rebuiltBecause}` : ''}`],
      ['activation (fresh process)', 'status' in activation ? activation.status :
        `${activation.totalMs} ms = module load ${activation.moduleLoadMs} + activate() ${activation.activateMs} with a stand-in vscode; dist/extension.js ${activation.bundleKB} KB, ${activation.subscriptions} subscriptions`],
    ],
  ));
}
