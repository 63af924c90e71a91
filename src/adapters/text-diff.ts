/** Unified diffs of text with the `diff` package, coloured only when asked (a TTY without NO_COLOR). */
import { createTwoFilesPatch } from 'diff';
import type { ManifestDiff } from '../core/manifest/diff.js';

const paint = (color: boolean, code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Colours a unified diff line by line: additions green, removals red, hunk headers cyan. */
function colorize(patch: string, color: boolean): string {
  if (!color) return patch;
  return patch
    .split('\n')
    .map((l) => (l.startsWith('+++') || l.startsWith('---') ? paint(true, '1', l) : l.startsWith('+') ? paint(true, '32', l) : l.startsWith('-') ? paint(true, '31', l) : l.startsWith('@@') ? paint(true, '36', l) : l))
    .join('\n');
}

/**
 * A unified diff of two texts (empty string when equal), without the `Index:`/`===` preamble; `context` lines around
 * changes. With `timeoutMs`, texts too different to diff in that time (Myers' diff is quadratic in the number of
 * changes) get a one-line note under the headers instead of a wait of minutes.
 */
export function unifiedDiff(a: string, b: string, aLabel: string, bLabel: string, color: boolean, context = 3, timeoutMs?: number): string {
  if (a === b) return '';
  const patch = timeoutMs === undefined
    ? createTwoFilesPatch(aLabel, bLabel, a, b, undefined, undefined, { context })
    : createTwoFilesPatch(aLabel, bLabel, a, b, undefined, undefined, { context, timeout: timeoutMs })
      ?? `--- ${aLabel}\n+++ ${bLabel}\n@@ too different to diff within ${timeoutMs / 1000}s (${lines(a)} lines against ${lines(b)}) @@\n`;
  const body = patch.replace(/^={3,}\n/m, '').replace(/^Index:.*\n/m, '');
  return colorize(body, color);
}

function lines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The report of `manifest diff`: removed and added objects, then one unified diff per changed object. */
export function renderManifestDiff(report: ManifestDiff, opts: { a: string; b: string; color: boolean }): string {
  let out = '';
  for (const id of report.onlyInA) out += `${paint(opts.color, '31', `- ${id}`)} (only in ${opts.a})\n`;
  for (const id of report.onlyInB) out += `${paint(opts.color, '32', `+ ${id}`)} (only in ${opts.b})\n`;
  for (const c of report.changed) {
    out += `${paint(opts.color, '33', `~ ${c.id}`)}\n`;
    out += unifiedDiff(c.a, c.b, `${opts.a} ${c.id}`, `${opts.b} ${c.id}`, opts.color);
  }
  return out;
}
