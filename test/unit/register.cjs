// Lets mocha load the TypeScript sources directly: each .ts file is
// transpiled (types stripped, not checked — `npm run lint` checks them) by esbuild.
const { transformSync } = require('esbuild');
const { readFileSync } = require('node:fs');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
