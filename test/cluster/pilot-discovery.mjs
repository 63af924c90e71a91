#!/usr/bin/env node
// Builds Istio's istiod (pilot-discovery) for the integration tests that run a real control plane
// (npm run test:istiod, see docs/development.md).
//
//   node test/cluster/pilot-discovery.mjs    build (or find the cached) binary and print its path
//
// It is built from the Istio comparison module, test/istio (go.mod pins istio.io/istio and lists
// pilot-discovery as a `tool`, so go.sum covers it), the very Istio code the equivalence suites run.
// The binary is cached outside the repository in ~/.cache/mesh/ ($XDG_CACHE_HOME is honoured), keyed
// by a hash of that module's go.mod and go.sum: another Istio pin is another binary.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'istio');
const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mesh');
const PKG = 'istio.io/istio/pilot/cmd/pilot-discovery';
const log = (msg) => process.stderr.write(`[pilot-discovery] ${msg}\n`);

/** Returns the path of pilot-discovery built from test/istio's Istio pin, building it first when there is none. */
export function ensurePilotDiscovery() {
  const goMod = readFileSync(join(moduleDir, 'go.mod'), 'utf8');
  const hash = createHash('sha256')
    .update(goMod)
    .update('\0')
    .update(readFileSync(join(moduleDir, 'go.sum')))
    .digest('hex')
    .slice(0, 16);
  // The file keeps Istio's name: istiod names its API field manager after its executable, and `mesh install`
  // recognises "pilot-discovery" as the owner of the fields istiod rewrites (the validator's failurePolicy).
  const dir = join(cacheDir, `pilot-discovery-${hash}`);
  const bin = join(dir, 'pilot-discovery');
  if (existsSync(bin)) return bin;

  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error('the istiod integration tests need Go (go1.26 or newer) on PATH to build pilot-discovery: ' + (go.error?.message ?? go.stderr));
  }
  // istiod reports its version in /version and its logs; Istio's Makefile makes it the VERSION file's + "-dev" outside releases.
  const istio = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'istio.io/istio'], { cwd: moduleDir, encoding: 'utf8' });
  if (istio.status !== 0) throw new Error(`go list -m istio.io/istio failed: ${istio.stderr}`);
  const version = `${readFileSync(join(istio.stdout.trim(), 'VERSION'), 'utf8').trim()}-dev`;
  const commit = /istio\.io\/istio v\S+-(\w{12})\b/.exec(goMod)?.[1] ?? 'unknown';
  const vpkg = 'istio.io/istio/pkg/version';
  const ldflags = ['-s', '-w', `-X ${vpkg}.buildVersion=${version}`, `-X ${vpkg}.buildGitRevision=${commit}`, `-X ${vpkg}.buildStatus=Clean`].join(' ');
  mkdirSync(dir, { recursive: true });
  log(`building ${bin} with ${go.stdout.trim()} (a first build takes several minutes)`);
  const started = Date.now();
  const tmp = `${bin}.tmp${process.pid}`;
  const res = spawnSync('go', ['build', '-buildvcs=false', `-ldflags=${ldflags}`, '-o', tmp, PKG], { cwd: moduleDir, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`go build ${PKG} failed (exit ${res.status ?? res.signal})`);
  renameSync(tmp, bin);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  // Each binary is ~120 MB: keep only the current pin's.
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith('pilot-discovery-') && join(cacheDir, f) !== dir) rmSync(join(cacheDir, f), { recursive: true, force: true });
  }
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensurePilotDiscovery());
  } catch (err) {
    log(err.message);
    process.exitCode = 1;
  }
}
