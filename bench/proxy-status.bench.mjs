// Start-up of proxy-status and dashboard: their help is built from data (the dashboard catalog, option specs) and
// must load nothing heavy (client-node, diff, open) until a command runs, so `mesh dashboard kiali --help` should
// cost about what `node -e 0` does (test/cli/dashboard.test.ts asserts what it loads). Fresh processes of the built CLI.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeNodeCpu } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');

/** Rows for bench/run.mjs. */
export async function run() {
  const base = timeNodeCpu(['-e', '0'], { runs: 9 });
  const row = (name, m) => ({
    name,
    ms: m.wall,
    cpuMs: m.cpuMs,
    peakMb: m.peakMb,
    baselineName: 'node -e 0',
    baselineMs: base.wall,
    baselineCpuMs: base.cpuMs,
    goal: null,
  });
  return [
    row('mesh dashboard kiali --help', timeNodeCpu([mesh, 'dashboard', 'kiali', '--help'], { runs: 9 })),
    row('mesh proxy-status --help', timeNodeCpu([mesh, 'proxy-status', '--help'], { runs: 9 })),
  ];
}
