// Shared by the areas of the Istio oracle suite (scripts/istio.mjs): failing loudly, running mesh, and taking the
// ConfigMaps istiod reads from a `mesh manifest generate` render.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

/** The repository's root directory. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The Go module of the suite (one go.mod for every area). */
export const goDir = join(root, 'test/istio');
/** mesh's CLI entry point. */
export const mesh = join(root, 'bin/mesh.js');

/** Prints `test:istio: <message>` and exits 1: a setup problem, not a difference. */
export function fail(message) {
  console.error(`test:istio: ${message}`);
  process.exit(1);
}

/** Runs `mesh manifest generate -f … --set …` and returns the parsed objects; throws when mesh refuses. */
export function manifestGenerate(sets, files = []) {
  const args = [mesh, 'manifest', 'generate', ...files.flatMap((f) => ['-f', f]), ...sets.flatMap((s) => ['--set', s])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return jsyaml.loadAll(out).filter(Boolean);
}

const renders = new Map();

/**
 * The ConfigMap data istiod would read, from a render with these settings and IstioOperator files (cached by
 * settings): the `istio` mesh config and the `istio-sidecar-injector` config and values, of the revision when there
 * is one. Throws when mesh refuses the settings.
 */
export function renderConfigMaps(sets, revision, files = []) {
  const key = [...files.map((f) => `-f ${f}`), ...sets].join(' ');
  if (renders.has(key)) return renders.get(key);
  const objects = manifestGenerate(sets, files);
  const suffix = revision ? `-${revision}` : '';
  const find = (name) =>
    objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === name)?.data ??
    fail(`the render with --set ${sets.join(' --set ') || '(nothing)'} has no ConfigMap ${name}`);
  const injector = find(`istio-sidecar-injector${suffix}`);
  const result = { mesh: find(`istio${suffix}`).mesh, config: injector.config, values: injector.values };
  renders.set(key, result);
  return result;
}

/** How many distinct renders renderConfigMaps has made. */
export function renderCount() {
  return renders.size;
}

/** Runs job(item) for every item, at most `limit` at a time (each area runs its mesh processes this way). */
export async function pool(items, limit, job) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
