/**
 * Which files of the built dist/ hold a bundled package. scripts/build.mjs bundles @kubernetes/client-node into
 * lazily loaded chunks instead of loading it from node_modules, so a load trace (test/helpers/trace-loads.mjs)
 * shows those chunks, not the package's own files. esbuild heads each bundled module with a `// node_modules/<path>`
 * comment (unminified builds): a chunk with one for `pkg` bundles that package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** file: URLs of the dist/ JavaScript files that bundle modules of `pkg` (e.g. `@kubernetes/client-node`). */
export function chunksBundling(root: string, pkg: string): string[] {
  const dist = join(root, 'dist');
  const marker = `\n// node_modules/${pkg}/`;
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dist, f))
    .filter((file) => readFileSync(file, 'utf8').includes(marker))
    .map((file) => pathToFileURL(file).href);
}
