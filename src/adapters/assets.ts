/**
 * Data files shipped beside the code (manifests/): found from this module's own location, so the same lookup works
 * from src/ (tests, tsx) and from the bundled dist/ (dist/cli.js or dist/chunks/*.js), at any install path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

/** The text of `relPath` (e.g. `manifests/injection/sidecar.tmpl`) from the package root; read once, then cached. */
export function readAsset(relPath: string): string {
  const hit = cache.get(relPath);
  if (hit !== undefined) return hit;
  // src/adapters/, dist/ and dist/chunks/ sit one to two levels below the package root: walk up until the file shows.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, relPath);
    if (existsSync(candidate)) {
      const text = readFileSync(candidate, 'utf8');
      cache.set(relPath, text);
      return text;
    }
    dir = dirname(dir);
  }
  throw new Error(`mesh is installed without its data file ${relPath} (looked upward from ${fileURLToPath(import.meta.url)})`);
}
