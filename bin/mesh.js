#!/usr/bin/env node
// Shim only: turn on Node's compile cache where it exists (Node 22+), then load the CLI. No logic here.
import module from 'node:module';
module.enableCompileCache?.();
// `mesh ... | head` closes the pipe early: stop quietly, as other Unix tools do, instead of a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
