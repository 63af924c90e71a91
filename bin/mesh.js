#!/usr/bin/env node
// Shim (CommonJS, see bin/package.json: Node starts a CJS entry faster than an ESM one). It turns on Node's compile
// cache where it exists (Node 22+), then loads the ESM CLI from dist/.
// One fast path lives here on purpose: `mesh --version` answers from package.json without loading the CLI, so the
// most scripted call costs no more than starting Node (test/cli/basics.test.ts keeps the two versions equal).
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  // `mesh ... | head` closes the pipe early: stop quietly, as other Unix tools do, instead of a stack trace.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  import('../dist/cli.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code;
    });
}
