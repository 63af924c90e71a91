#!/usr/bin/env node
// Runs every bench/*.bench.mjs and prints one table: each measurement next to a baseline measured in the same run,
// as a ratio, with the goal when there is one. Timings vary with the machine; the ratios are what to watch.
// With --istioctl <path>, cases that istioctl can also run time it on the same work (bench/istioctl.mjs) and a
// mesh/istioctl column shows mesh's time over istioctl's (below 1: mesh is faster).
// Usage: npm run bench [-- name-filter] [-- --istioctl <path>]
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--istioctl');
const istioctl = at < 0 ? undefined : args.splice(at, 2)[1];
if (at >= 0 && !istioctl) throw new Error('--istioctl needs the path of an istioctl binary (scripts/build-istioctl.mjs builds one)');
const filter = args[0];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter)))
  .sort();
const rows = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(dir, file)).href);
  process.stderr.write(`running ${file}...\n`);
  for (const row of await mod.run({ istioctl })) rows.push({ file, ...row });
}
const fmt = (ms) => `${ms.toFixed(0)} ms`;
// Rows may also carry cpuMs/baselineCpuMs (user+system time): on a busy shared machine that ratio is steadier;
// and peakMb, the peak resident memory of the measured command.
const header = [
  'benchmark',
  'time',
  'baseline',
  'baseline time',
  'ratio',
  'cpu ratio',
  'goal',
  'status',
  'peak RSS',
  ...(istioctl ? ['istioctl', 'mesh/istioctl', 'cpu mesh/istioctl'] : []),
];
const table = rows.map((r) => {
  const ratio = r.ms / r.baselineMs;
  const cpuRatio = r.cpuMs != null && r.baselineCpuMs ? r.cpuMs / r.baselineCpuMs : undefined;
  const best = Math.min(ratio, cpuRatio ?? ratio);
  let status = r.goal == null ? '' : ratio <= r.goal ? 'ok' : best <= r.goal ? 'ok (cpu)' : 'MISSED';
  let goal = r.goal == null ? '-' : `<= ${r.goal}x`;
  // A goal in milliseconds above the baseline (`goalAboveMs`, e.g. a fixed cost): wall, else CPU time, within it.
  if (r.goalAboveMs != null) {
    const cpuWithin = r.cpuMs != null && r.baselineCpuMs != null && r.cpuMs - r.baselineCpuMs <= r.goalAboveMs;
    status = r.ms - r.baselineMs <= r.goalAboveMs ? 'ok' : cpuWithin ? 'ok (cpu)' : 'MISSED';
    goal = `<= +${r.goalAboveMs} ms`;
  }
  const cells = [
    r.name,
    fmt(r.ms),
    r.baselineName,
    fmt(r.baselineMs),
    `${ratio.toFixed(2)}x`,
    cpuRatio == null ? '-' : `${cpuRatio.toFixed(2)}x`,
    goal,
    status,
    r.peakMb == null ? '-' : `${r.peakMb.toFixed(0)} MiB`,
  ];
  if (!istioctl) return cells;
  if (r.istioctlMs == null) return [...cells, '-', '-', '-'];
  const cpuVs = r.cpuMs != null && r.istioctlCpuMs ? `${(r.cpuMs / r.istioctlCpuMs).toFixed(2)}x` : '-';
  return [...cells, fmt(r.istioctlMs), `${(r.ms / r.istioctlMs).toFixed(2)}x`, cpuVs];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(
  `load average: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}${istioctl ? `; istioctl: ${istioctl}` : ''}`,
);
console.log(line(header));
for (const row of table) console.log(line(row));
