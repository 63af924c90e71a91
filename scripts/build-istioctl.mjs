#!/usr/bin/env node
// Builds istioctl from the Go module proxy, at the istio.io/istio version the comparison suites pin
// (test/inject-equivalence/go.mod), for `npm run bench -- --istioctl <path>`. Output goes to a cache folder outside
// the repository, never into it: $XDG_CACHE_HOME/mesh/istioctl-<version>/istioctl (default ~/.cache/mesh/...).
// The build happens in a throw-away Go module beside the binary that requires the pinned istio.io/istio and
// istio.io/api (the same versions the equivalence test uses); a cold build downloads and compiles Istio's
// dependency tree (several minutes on 2 cores); later runs reuse Go's caches, and an existing binary is kept.
// Usage: node scripts/build-istioctl.mjs [--force]   (prints the binary's path on stdout)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pinFile = join(root, 'test', 'inject-equivalence', 'go.mod');
const goMod = readFileSync(pinFile, 'utf8');
const pinned = (module) => new RegExp(`^\\s*${module.replace(/\./g, '\\.')} (\\S+)`, 'm').exec(goMod)?.[1];
const istio = pinned('istio.io/istio');
const api = pinned('istio.io/api');
if (!istio || !api) throw new Error(`${pinFile} pins no istio.io/istio or istio.io/api version`);

const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mesh', `istioctl-${istio}`);
const binary = join(cache, 'istioctl');
if (existsSync(binary) && !process.argv.includes('--force')) {
  process.stdout.write(`${binary}\n`);
  process.exit(0);
}

const go = (args, cwd) => {
  process.stderr.write(`go ${args.join(' ')}\n`);
  // -mod=mod: the throw-away module's go.sum is written as modules are fetched
  const r = spawnSync('go', args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOFLAGS: `${process.env.GOFLAGS ?? ''} -mod=mod`.trim() },
  });
  if (r.error || r.status !== 0) throw new Error(`go ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`);
};
const module = join(cache, 'module');
rmSync(module, { recursive: true, force: true });
mkdirSync(module, { recursive: true });
const goLine = /^go (\S+)/m.exec(goMod)?.[1] ?? '1.25';
writeFileSync(join(module, 'go.mod'), `module mesh.local/istioctl-build\n\ngo ${goLine}\n\nrequire (\n\tistio.io/api ${api}\n\tistio.io/istio ${istio}\n)\n`);
const started = Date.now();
go(['get', `istio.io/istio/istioctl/cmd/istioctl@${istio}`, `istio.io/api@${api}`], module);
go(['build', '-trimpath', '-o', binary, 'istio.io/istio/istioctl/cmd/istioctl'], module);
process.stderr.write(`built istioctl ${istio} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${binary}\n`);
