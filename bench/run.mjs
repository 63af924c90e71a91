#!/usr/bin/env node
// Runs every bench/*.bench.mjs and prints one table: each measurement next to a baseline measured in the same run,
// as a ratio, with the goal when there is one. Timings vary with the machine; the ratios are what to watch.
// Usage: npm run bench [-- name-filter]
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter))).sort();
const rows = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(dir, file)).href);
  process.stderr.write(`running ${file}...\n`);
  for (const row of await mod.run()) rows.push({ file, ...row });
}
const fmt = (ms) => `${ms.toFixed(0)} ms`;
// Rows may also carry cpuMs/baselineCpuMs (user+system time): on a busy shared machine that ratio is steadier.
const header = ['benchmark', 'time', 'baseline', 'baseline time', 'ratio', 'cpu ratio', 'goal', 'status'];
const table = rows.map((r) => {
  const ratio = r.ms / r.baselineMs;
  const cpuRatio = r.cpuMs != null && r.baselineCpuMs ? r.cpuMs / r.baselineCpuMs : undefined;
  const best = Math.min(ratio, cpuRatio ?? ratio);
  const status = r.goal == null ? '' : ratio <= r.goal ? 'ok' : best <= r.goal ? 'ok (cpu)' : 'MISSED';
  return [r.name, fmt(r.ms), r.baselineName, fmt(r.baselineMs), `${ratio.toFixed(2)}x`, cpuRatio == null ? '-' : `${cpuRatio.toFixed(2)}x`, r.goal == null ? '-' : `<= ${r.goal}x`, status];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`load average: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(line(header));
for (const row of table) console.log(line(row));
