#!/usr/bin/env node
/**
 * Runs a TypeScript entry point (the seeder, the benchmarks) without a build step:
 *
 *   node scripts/ts-run.js scripts/seed/main.ts --users 2000
 *
 * `.ts` files are compiled on require by @swc/core (a dev dependency, already used by jest)
 * with the same options as the test suite: CommonJS, legacy decorators with metadata. No type
 * checking here; `npm run typecheck` covers scripts/ and bench/.
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.js <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...args];
require(resolve(entry));
