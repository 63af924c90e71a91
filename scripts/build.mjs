#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one ESM entry (dist/cli.js) plus lazily loaded chunks, one per dynamic
// import, so that `mesh --help` parses only the small entry chunk. npm packages stay external (node_modules), except
// @kubernetes/client-node and its dependencies (see bundleClientNode). Type checking is separate (`npm run typecheck`);
// this step only transpiles and must stay fast (about 1 s).
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_NODE = '@kubernetes/client-node';

/**
 * Bundles @kubernetes/client-node, and everything it imports, into the lazily loaded chunks of the modules that import
 * it (src/adapters/kube/client-node-*.ts); every other package stays external. Loaded from node_modules, its index
 * pulls in ~1,000 generated API modules (about 1 s on a 2-core machine) for the two classes mesh uses; bundled and
 * tree-shaken it costs tens of milliseconds. Its files are marked free of side effects (none is imported for one)
 * so that esbuild drops the modules nothing reaches. Optional native helpers its dependencies `require` inside a
 * try (ws's bufferutil and utf-8-validate, node-fetch's encoding) stay unresolved, as they are when not installed.
 * Plugin callbacks are a round trip to esbuild's process each: the filters keep them to bare and relative imports.
 */
const bundleClientNode = {
  name: 'bundle-client-node',
  setup(b) {
    const inPackage = (importer) => importer.includes('/node_modules/');
    const resolving = Symbol('resolving');
    const ownDependencies = new Set(Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies));
    const packageName = (path) =>
      path
        .split('/')
        .slice(0, path.startsWith('@') ? 2 : 1)
        .join('/');
    // Packages imported by mesh's own modules: external (as `packages: 'external'` makes them), except client-node.
    // Packages imported by client-node or its dependencies: resolved and bundled by esbuild itself.
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === resolving || args.path === CLIENT_NODE) return undefined;
      if (!inPackage(args.importer)) return { external: true };
      if (!ownDependencies.has(packageName(args.path))) return undefined;
      // A package mesh depends on too (js-yaml): shared, not bundled twice, when both resolve to the same file.
      const options = { kind: args.kind, pluginData: resolving };
      const [theirs, ours] = await Promise.all([
        b.resolve(args.path, { ...options, importer: args.importer, resolveDir: args.resolveDir }),
        b.resolve(args.path, { ...options, resolveDir: root }),
      ]);
      return theirs.errors.length === 0 && theirs.path === ours.path ? { external: true } : undefined;
    });
    // client-node's own modules: free of side effects. It imports them by full relative path (`./config.js`), so the
    // path is joined here instead of asking esbuild to resolve it (a round trip per import, slow on a busy machine).
    const own = `${sep}node_modules${sep}${CLIENT_NODE.replace('/', sep)}${sep}`;
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.includes(own)) return undefined;
      const path = join(args.resolveDir, args.path);
      return existsSync(path) ? { path, sideEffects: false } : undefined;
    });
    b.onResolve({ filter: /^@kubernetes\/client-node$/ }, async (args) => {
      if (args.pluginData === resolving) return undefined;
      const result = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: resolving });
      return result.errors.length ? undefined : { ...result, sideEffects: false };
    });
  },
};

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
  plugins: [bundleClientNode],
  // Bundled CommonJS dependencies of client-node call require() for Node's built-in modules: give ESM chunks one.
  banner: { js: "import { createRequire as __meshCreateRequire } from 'node:module'; const require = __meshCreateRequire(import.meta.url);" },
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
