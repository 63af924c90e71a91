// The optional istioctl column of bench/run.mjs (`npm run bench -- --istioctl <path>`; scripts/build-istioctl.mjs
// builds one). A bench case with an istioctl equivalent calls `withIstioctl` on its row: istioctl runs the same work
// on the same files, timed the same way, and run.mjs prints mesh's time over istioctl's beside the other columns.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { timeCommandCpu } from './util.mjs';

/** `row` with istioctl's median times for `args` (`okStatus`: exit codes that are not failures), or `row` alone. */
export function withIstioctl(row, istioctl, args, { runs = 7, okStatus = [0], env } = {}) {
  if (!istioctl) return row;
  const m = timeCommandCpu(istioctl, args, { runs, okStatus, env });
  return { ...row, istioctlMs: m.wall, istioctlCpuMs: m.cpuMs };
}

/**
 * Flags that let `istioctl kube-inject` run offline: the mesh config, injector config and values that mesh itself
 * injects with by default (its `manifest generate` ConfigMaps), written into `dir`.
 */
export function offlineInjectFlags(mesh, dir) {
  const out = execFileSync(process.execPath, [mesh, 'manifest', 'generate'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const data = (name) => jsyaml.loadAll(out).find((o) => o?.kind === 'ConfigMap' && o.metadata?.name === name)?.data;
  const injector = data('istio-sidecar-injector');
  const files = {
    meshConfigFile: ['meshconfig.yaml', data('istio')?.mesh],
    injectConfigFile: ['injector.yaml', injector?.config],
    valuesFile: ['values.json', injector?.values],
  };
  return Object.entries(files).flatMap(([flag, [name, text]]) => {
    if (!text) throw new Error(`mesh manifest generate rendered no data for --${flag}`);
    writeFileSync(join(dir, name), text);
    return [`--${flag}`, join(dir, name)];
  });
}
