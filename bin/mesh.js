#!/usr/bin/env node
// Shim only: turn on Node's compile cache where it exists (Node 22+), then load the CLI. No logic here.
import module from 'node:module';
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
