// Lets mocha load the TypeScript sources directly: each .ts file is
// transpiled (types stripped, not checked — `npm run lint` checks them) by esbuild.
const { transformSync } = require('esbuild');
const { readFileSync } = require('node:fs');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    // import() of a .ts module as require(), which this hook can load (the bundles do the same).
    supported: { 'dynamic-import': false },
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
