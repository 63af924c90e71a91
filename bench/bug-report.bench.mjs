// bug-report on a cluster of 500 pods with sidecars (bench/bug-report-apiserver.mjs: 256 KiB of log per container,
// 128 MiB in all), against the floor of the same work: a plain script that downloads the same logs with the same
// concurrency and gzips them into one file. Wall time, and peak memory (max RSS from /usr/bin/time): bug-report
// streams each entry into the archive, so its memory must not grow with the total it collects.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, writeStubKubeconfig } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');

function startServer(env) {
  const child = spawn(process.execPath, [join(root, 'bench', 'bug-report-apiserver.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d) => resolve({ port: Number(String(d).trim()), stop: () => child.stdin.end() }));
  });
}

/** Wall ms and max RSS (MiB) of `node <args>`, median of `runs`. */
function measure(args, runs = 3) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', 'MESHRSS %M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-500)}`);
    rss.push(Number(/MESHRSS (\d+)/.exec(String(r.stderr))?.[1] ?? 0) / 1024);
  }
  return { wall: median(walls), rss: median(rss) };
}

// The floor: GET every log (8 at once, as bug-report's default --rq-concurrency), gzip all into one file.
const FLOOR = `
const http = require('node:http'); const zlib = require('node:zlib'); const fs = require('node:fs');
const [port, out] = process.argv.slice(2);
const gz = zlib.createGzip(); gz.pipe(fs.createWriteStream(out));
let next = 0; const get = (p) => new Promise((res) => http.get({ host: '127.0.0.1', port, path: p }, (r) => { r.on('data', (c) => gz.write(c)); r.on('end', res); }));
const worker = async () => { while (next < 501) { const i = next++; await get('/api/v1/namespaces/ns/pods/app-' + i + '/log?container=istio-proxy'); } };
Promise.all(Array.from({ length: 8 }, worker)).then(() => gz.end());
`;

/** Rows for bench/run.mjs. */
export async function run() {
  const rows = [];
  for (const kib of [256, 1024]) {
    const server = await startServer({ POD_COUNT: '500', LOG_KIB: String(kib) });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-bug-report-'));
      const kubeconfig = writeStubKubeconfig(dir, server.port);
      writeFileSync(join(dir, 'floor.js'), FLOOR);
      const floor = measure([join(dir, 'floor.js'), String(server.port), join(dir, 'floor.gz')]);
      const m = measure([mesh, 'bug-report', '--kubeconfig', kubeconfig, '--skip-proxy-debug', '--output-dir', join(dir, 'out')]);
      rows.push({
        name: `bug-report, 500 pods x ${kib} KiB logs (peak RSS ${m.rss.toFixed(0)} MiB; floor ${floor.rss.toFixed(0)} MiB)`,
        ms: m.wall,
        baselineName: 'download + gzip the same logs',
        baselineMs: floor.wall,
        goal: null,
      });
    } finally {
      server.stop();
    }
  }
  return rows;
}
