// The fixed cost of a cluster command: start-up, kubeconfig, the client (client-node, bundled into a lazily loaded
// chunk by scripts/build.mjs) and the first requests, against a stub API server on 127.0.0.1 that answers every list
// with no items (bench/stub-apiserver.mjs), so the cluster's own work is nil. Issue 15's goal: under 150 ms above
// `node -e 0` (`goalAboveMs`: wall time, or on a busy machine CPU time, each against its own baseline). The import
// of client-node from node_modules is shown beside it, as what bundling saves. Fresh processes of the built CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStubApiServer, timeNodeCpu, writeStubKubeconfig } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');
const BUDGET_MS = 150;
const RUNS = 9;
const clientNodeIndex = pathToFileURL(join(root, 'node_modules', '@kubernetes', 'client-node', 'dist', 'index.js')).href;

/** Rows for bench/run.mjs. */
export async function run() {
  const stub = await startStubApiServer();
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-kube-'));
  try {
    const kubeconfig = writeStubKubeconfig(dir, stub.port);
    // HOME without a ~/.kube: nothing but --kubeconfig names a cluster
    const env = { HOME: dir, KUBECONFIG: '' };
    const base = timeNodeCpu(['-e', '0'], { runs: RUNS });
    const row = (name, m, withGoal) => ({
      name,
      ms: m.wall,
      cpuMs: m.cpuMs,
      peakMb: m.peakMb,
      baselineName: 'node -e 0',
      baselineMs: base.wall,
      baselineCpuMs: base.cpuMs,
      goal: null,
      ...(withGoal && { goalAboveMs: BUDGET_MS }),
    });
    return [
      row(`mesh analyze on a stub cluster (fixed cost)`, timeNodeCpu([mesh, 'analyze', '--kubeconfig', kubeconfig], { runs: RUNS, env }), true),
      row(
        `mesh version --remote on a stub cluster (fixed cost)`,
        timeNodeCpu([mesh, 'version', '--remote', '--kubeconfig', kubeconfig], { runs: RUNS, env }),
        true,
      ),
      row('import @kubernetes/client-node from node_modules', timeNodeCpu(['-e', `import(${JSON.stringify(clientNodeIndex)})`], { runs: RUNS }), false),
    ];
  } finally {
    stub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
