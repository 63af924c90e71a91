#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one ESM entry (dist/cli.js) plus lazily loaded chunks, one per dynamic
// import, so that `mesh --help` parses only the small entry chunk. npm packages stay external (node_modules).
// Type checking is separate (`npm run typecheck`); this step only transpiles and must stay fast (< 1 s).
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await import('./build-schemas.mjs'); // generates src/core/validate/generated/ (ajv standalone validators) for esbuild to bundle
// Build beside dist/ and swap it in, so a process running the CLI (or a parallel build) never sees it half-made.
const staging = `dist.build-${process.pid}`;
rmSync(`${root}/${staging}`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
const old = `${root}/dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, old);
} catch {
  // no previous build
}
renameSync(`${root}/${staging}`, `${root}/dist`);
rmSync(old, { recursive: true, force: true });
