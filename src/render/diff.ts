/**
 * Unified diffs of text with the `diff` package (a pure library), coloured only when asked (the caller decides
 * from TerminalInfo): `profile diff`, `manifest diff` and `proxy-status <pod>` print through here.
 */
import { createTwoFilesPatch } from 'diff';
import type { ManifestDiff } from '../core/manifest/diff.js';
import { paint, type Style } from './paint.js';

/** The style of one line of a unified diff, if it has one. */
function lineStyle(l: string): Style | undefined {
  if (l.startsWith('+++') || l.startsWith('---')) return 'diffHeader';
  if (l.startsWith('+')) return 'added';
  if (l.startsWith('-')) return 'removed';
  return l.startsWith('@@') ? 'hunk' : undefined;
}

/** Colours a unified diff line by line: additions green, removals red, hunk headers cyan. */
function colorize(patch: string, color: boolean): string {
  if (!color) return patch;
  return patch
    .split('\n')
    .map((l) => {
      const style = lineStyle(l);
      return style ? paint(l, style, true) : l;
    })
    .join('\n');
}

/**
 * A unified diff of two texts (empty string when equal), without the `Index:`/`===` preamble; `context` lines around
 * changes. With `timeoutMs`, texts too different to diff in that time (Myers' diff is quadratic in the number of
 * changes) get a one-line note under the headers instead of a wait of minutes.
 */
export function unifiedDiff(a: string, b: string, aLabel: string, bLabel: string, color: boolean, context = 3, timeoutMs?: number): string {
  if (a === b) return '';
  const patch =
    timeoutMs === undefined
      ? createTwoFilesPatch(aLabel, bLabel, a, b, undefined, undefined, { context })
      : (createTwoFilesPatch(aLabel, bLabel, a, b, undefined, undefined, { context, timeout: timeoutMs }) ??
        `--- ${aLabel}\n+++ ${bLabel}\n@@ too different to diff within ${timeoutMs / 1000}s (${lines(a)} lines against ${lines(b)}) @@\n`);
  const body = patch.replace(/^={3,}\n/m, '').replace(/^Index:.*\n/m, '');
  return colorize(body, color);
}

function lines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The report of `manifest diff`: removed and added objects, then one unified diff per changed object. */
export function renderManifestDiff(report: ManifestDiff, opts: { a: string; b: string; color: boolean }): string {
  let out = '';
  for (const id of report.onlyInA) out += `${paint(`- ${id}`, 'removed', opts.color)} (only in ${opts.a})\n`;
  for (const id of report.onlyInB) out += `${paint(`+ ${id}`, 'added', opts.color)} (only in ${opts.b})\n`;
  for (const c of report.changed) {
    out += `${paint(`~ ${c.id}`, 'changed', opts.color)}\n`;
    out += unifiedDiff(c.a, c.b, `${opts.a} ${c.id}`, `${opts.b} ${c.id}`, opts.color);
  }
  return out;
}
