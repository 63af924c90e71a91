#!/usr/bin/env node
// Fails when the relative imports under src/ form a circle. Every import counts: static, dynamic (`await import()`),
// re-exports and type-only imports, because a type on the wrong side of a pair is still an arrow that runs up
// (eslint-plugin-import-x's no-cycle skips type-only imports by design, so it cannot be this check).
// Prints one line per circle found by a depth-first walk in file-name order, so the output is stable.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { KNOWN_CYCLES } from '../eslint.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src');
/** Folders whose files are generated, not written: they are outside the layering. */
const SKIP = new Set([join(srcDir, 'core/validate/generated')]);

/** Every .ts file under `dir`, sorted. */
function listTs(dir) {
  if (SKIP.has(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listTs(path);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

/** The src/ files that `file` imports through relative specifiers (`./x.js` names `./x.ts`). */
function importsOf(file, known) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out = new Set();
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolve(dirname(file), fileName).replace(/\.js$/, '.ts');
    const candidates = [target, target.endsWith('.ts') ? undefined : `${target}.ts`, join(target, 'index.ts')];
    const hit = candidates.find((c) => c && known.has(c));
    if (hit) out.add(hit);
  }
  return [...out].sort();
}

const files = listTs(srcDir);
const sources = new Set(files);
const graph = new Map(files.map((f) => [f, importsOf(f, sources)]));

const state = new Map(); // file -> 'open' while on the DFS stack, 'done' after
const stack = [];
const cycles = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of graph.get(file)) {
    if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);

const found = cycles.map((cycle) => cycle.map((f) => relative(root, f)).join(' -> '));
// TODO(#8): the known list goes away after the merge; a listed circle that no longer exists is pointed out (a warning,
// so that merging the branch that removes it does not break the build)
const known = new Set(KNOWN_CYCLES);
const fresh = found.filter((c) => !known.has(c));
const gone = KNOWN_CYCLES.filter((c) => !found.includes(c));
for (const c of fresh) console.error(`import cycle: ${c}`);
for (const c of gone) console.error(`warning: eslint.config.js KNOWN_CYCLES lists a circle that is gone, remove it: ${c}`);
if (fresh.length > 0) console.error(`${fresh.length} import cycle(s) under src/ (docs/architecture.md: each layer imports only the layers below it)`);
if (fresh.length > 0) process.exitCode = 1;
