#!/usr/bin/env node
// npm run test:node-versions: the unit suite on each other Node major mesh supports (the machine's own Node runs
// everything else). Each Node comes from the npm registry's `node` package, installed once into a cache folder
// outside the repository (~/.cache/mesh/node-<major>), so a fresh machine needs nothing but npm.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors = process.argv.slice(2).length ? process.argv.slice(2) : ['22', '24'];
const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'mesh');
let failed = 0;
for (const major of majors) {
  const dir = join(cache, `node-${major}`);
  const node = join(dir, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node@${major}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (install.status !== 0) {
      console.error(`node-versions: could not install node@${major} from the npm registry`);
      process.exit(1);
    }
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`== unit suite on Node ${version}`);
  const run = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/unit'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
