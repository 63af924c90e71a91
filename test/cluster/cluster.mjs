#!/usr/bin/env node
// Builds and runs kube-local, the loopback-only Kubernetes control plane in this folder (see main.go).
//
//   node test/cluster/cluster.mjs up     start a cluster in the background; prints the kubeconfig path
//   node test/cluster/cluster.mjs down   stop the cluster that "up" started
//   node test/cluster/cluster.mjs build  only build (or find the cached) binary
//
// The binary is cached under test/cluster/.cache/bin/, keyed by a hash of go.mod, go.sum and the Go
// sources; Go's own build cache (GOCACHE) makes a rebuild after a small change quick.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(here, '.cache');
const currentFile = join(cacheDir, 'current.json');
const log = (msg) => process.stderr.write(`[cluster] ${msg}\n`);

/** Returns the path of the kube-local binary, building it first when the sources changed. */
export function ensureBinary() {
  const hash = createHash('sha256');
  const files = readdirSync(here)
    .filter((f) => /^go\.(mod|sum)$|\.go$/.test(f))
    .sort();
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(here, f)))
      .update('\0');
  const bin = join(cacheDir, 'bin', `kube-local-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(bin)) return bin;

  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error('the integration tests need Go (go1.26 or newer) on PATH to build the test cluster: ' + (go.error?.message ?? go.stderr));
  }
  mkdirSync(join(cacheDir, 'bin'), { recursive: true });
  log(`building ${bin} with ${go.stdout.trim()} (a first build takes a long while)`);
  const started = Date.now();
  const tmp = `${bin}.tmp${process.pid}`;
  // The API server reports this version (/version); without it, it says v0.0.0-master.
  const version = /k8s\.io\/kubernetes (v(\d+)\.(\d+)\.\d+)/.exec(readFileSync(join(here, 'go.mod'), 'utf8'));
  if (!version) throw new Error('go.mod does not require k8s.io/kubernetes');
  const pkg = 'k8s.io/component-base/version';
  const ldflags = [
    '-s',
    '-w',
    `-X ${pkg}.gitVersion=${version[1]}`,
    `-X ${pkg}.gitMajor=${version[2]}`,
    `-X ${pkg}.gitMinor=${version[3]}`,
    `-X ${pkg}.gitTreeState=clean`,
  ].join(' ');
  const res = spawnSync('go', ['build', '-buildvcs=false', `-ldflags=${ldflags}`, '-o', tmp, '.'], { cwd: here, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`go build failed (exit ${res.status ?? res.signal})`);
  spawnSync('mv', [tmp, bin]);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  // Binaries of older sources are ~170 MB each: keep only the current one.
  for (const f of readdirSync(join(cacheDir, 'bin'))) {
    if (join(cacheDir, 'bin', f) !== bin && f.startsWith('kube-local-')) rmSync(join(cacheDir, 'bin', f), { force: true });
  }
  return bin;
}

/**
 * Starts a cluster and resolves once it is ready (API server /readyz healthy, the default
 * service account exists, every node Ready).
 * @param {{ nodes?: number, detached?: boolean, keepDir?: boolean, timeoutMs?: number }} [opts]
 *   detached: keep running after this process exits (cluster:up); otherwise the cluster stops
 *   when this process exits, however it exits, and removes its folder unless keepDir.
 */
export async function startCluster(opts = {}) {
  const bin = ensureBinary();
  try {
    return await startOnce(bin, opts);
  } catch (err) {
    // A free port picked by kube-local can be taken by another process before a component binds it.
    log(`${err.message}\nretrying once`);
    return await startOnce(bin, opts);
  }
}

async function startOnce(bin, opts) {
  const { nodes = 1, detached = false, keepDir = false, timeoutMs = 180_000 } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'mesh-kube-'));
  const out = openSync(join(dir, 'up.log'), 'a');
  const args = ['up', `--dir=${dir}`, `--nodes=${nodes}`];
  if (!detached) args.push('--exit-on-stdin-close');
  if (!detached && !keepDir) args.push('--remove-dir');
  // Its own process group (detached), so that stopping it can signal every process in it.
  const child = spawn(bin, args, { detached: true, stdio: [detached ? 'ignore' : 'pipe', out, out] });
  const cluster = { pid: child.pid, dir, kubeconfig: join(dir, 'kubeconfig') };
  if (detached) child.unref();
  // Last resort, e.g. on Ctrl-C: kube-local stops its components and removes its folder on SIGTERM
  // (and when its stdin closes, which also covers this process being killed outright).
  else process.once('exit', () => killGroup(child.pid, 'SIGTERM'));

  let exited = null;
  child.once('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(join(dir, 'ready.json'))) {
    if (exited || Date.now() > deadline) {
      killGroup(child.pid, 'SIGKILL');
      let tail = '';
      try {
        tail = readFileSync(join(dir, 'up.log'), 'utf8').split('\n').slice(-30).join('\n');
      } catch {
        /* removed */
      }
      throw new Error(`test cluster did not start (${exited ?? 'timed out'}); logs in ${dir}/logs\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return cluster;
}

/** Stops a cluster: SIGTERM to its process group, SIGKILL after 20 s; then removes its folder. */
export async function stopCluster(cluster, { keepDir = false } = {}) {
  killGroup(cluster.pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(cluster.pid); i++) await new Promise((r) => setTimeout(r, 200));
  killGroup(cluster.pid, 'SIGKILL');
  if (!keepDir) rmSync(cluster.dir, { recursive: true, force: true });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(cmd) {
  if (cmd === 'build') {
    console.log(ensureBinary());
  } else if (cmd === 'up') {
    if (existsSync(currentFile)) throw new Error(`a cluster is already up (${currentFile}); run cluster:down first`);
    const started = Date.now();
    const cluster = await startCluster({ detached: true, nodes: Number(process.env.MESH_TEST_NODES ?? 1) });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(currentFile, JSON.stringify(cluster, null, 2));
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s (pid ${cluster.pid}, logs in ${cluster.dir}/logs)`);
    console.log(`export MESH_TEST_KUBECONFIG=${cluster.kubeconfig} KUBECONFIG=${cluster.kubeconfig}`);
  } else if (cmd === 'down') {
    if (!existsSync(currentFile)) return log('no cluster is up');
    await stopCluster(JSON.parse(readFileSync(currentFile, 'utf8')));
    rmSync(currentFile);
    log('stopped');
  } else {
    throw new Error('usage: cluster.mjs up|down|build');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((err) => {
    log(err.message);
    process.exitCode = 1;
  });
}
