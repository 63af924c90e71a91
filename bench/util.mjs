// Shared helpers for benchmarks: run a command several times and keep the median wall time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TIME = '/usr/bin/time';

/**
 * Median wall time (`wall`) in ms of running `node <args>` `runs` times (after one warm-up run). Where /usr/bin/time
 * exists, `cpuMs` is the median user+system CPU time too (on a shared, busy machine CPU time is the steadier measure),
 * and `peakMb` the largest resident set any run reached, in MiB.
 */
export function timeNodeCpu(args, options) {
  return timeCommandCpu(process.execPath, args, options);
}

/** timeNodeCpu for any program (`istioctl` beside mesh); `okStatus` lists the exit codes that count as success. */
export function timeCommandCpu(command, args, { runs = 7, env = {}, input, okStatus = [0] } = {}) {
  const times = [];
  const cpus = [];
  let peakKb = 0;
  const useTime = existsSync(TIME);
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const [cmd, argv] = useTime ? [TIME, ['-f', 'MESHCPU %U %S %M', command, ...args]] : [command, args];
    const r = spawnSync(cmd, argv, { env: { ...process.env, ...env }, input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!okStatus.includes(r.status)) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i === 0) continue; // the first run warms the file cache
    times.push(ms);
    const m = /MESHCPU ([\d.]+) ([\d.]+) (\d+)/.exec(String(r.stderr));
    if (m) {
      cpus.push((Number(m[1]) + Number(m[2])) * 1000);
      peakKb = Math.max(peakKb, Number(m[3]));
    }
  }
  return { wall: median(times), cpuMs: cpus.length ? median(cpus) : undefined, peakMb: peakKb ? peakKb / 1024 : undefined };
}

/** Median wall time in ms of running `node <args>` (see timeNodeCpu). */
export function timeNode(args, options) {
  return timeNodeCpu(args, options).wall;
}

/** Median of in-process timings of `fn`. */
export function timeFn(fn, runs = 5) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Starts bench/stub-apiserver.mjs (127.0.0.1, every list empty unless a fixture file answers it) as a child; resolves with its port and `stop`. */
export function startStubApiServer(fixturePath) {
  const script = fileURLToPath(new URL('stub-apiserver.mjs', import.meta.url));
  const child = spawn(process.execPath, fixturePath ? [script, fixturePath] : [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`stub API server exited ${code}`)));
    child.stdout.once('data', (d) => resolve({ port: Number(String(d).trim()), stop: () => child.stdin.end() }));
  });
}

/** Writes `dir`/config, a kubeconfig for the stub API server on `port`; returns its path. */
export function writeStubKubeconfig(dir, port) {
  const path = join(dir, 'config');
  writeFileSync(
    path,
    `apiVersion: v1\nkind: Config\nclusters: [{name: stub, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\n` +
      'contexts: [{name: stub, context: {cluster: stub, user: u}}]\ncurrent-context: stub\nusers: [{name: u, user: {token: t}}]\n',
  );
  return path;
}
