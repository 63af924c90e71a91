// manifest generate: wall time of the real CLI rendering the demo profile (every component builder, YAML out),
// and of `profile dump demo`, each against `node -e 0` measured in the same run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeNode } from './util.mjs';
import { withIstioctl } from './istioctl.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin/mesh.js');

/** Rows for bench/run.mjs; with `istioctl`, its `manifest generate --set profile=demo` beside. */
export async function run({ istioctl } = {}) {
  const env = { NO_COLOR: '1' };
  const baseline = timeNode(['-e', '0'], { env });
  const demo = timeNode([mesh, 'manifest', 'generate', '--set', 'profile=demo'], { env });
  const dump = timeNode([mesh, 'profile', 'dump', 'demo'], { env });
  return [
    // A render is a start-up plus a few ms of work: within 3x of starting node at all.
    withIstioctl(
      { name: 'manifest generate --set profile=demo', ms: demo, baselineName: 'node -e 0', baselineMs: baseline, goal: 3 },
      istioctl,
      ['manifest', 'generate', '--set', 'profile=demo'],
      { env },
    ),
    { name: 'profile dump demo', ms: dump, baselineName: 'node -e 0', baselineMs: baseline, goal: 3 },
  ];
}
