/** Walks an object along its kind's check tree (see check-tree.ts): CEL rule equivalents, at-most-one groups, formats. */
import type { CheckNode } from './check-tree.js';
import { celCheck } from './cel.js';
import { isBase64, parseDuration, re2Error } from './formats.js';
import type { FieldPath } from './diagnostic.js';

/** A problem found by the check tree, before it is placed in the file. */
export interface CheckProblem {
  path: FieldPath;
  message: string;
  rule: 'cel' | 'schema';
}

/** Applies `node`'s checks to `value` (at `path`) and recurses into the parts of the value that have checks. */
export function applyChecks(node: CheckNode, value: unknown, path: FieldPath, out: CheckProblem[]): void {
  if (value === undefined || value === null) return;
  let celFailed = false;
  for (const { rule, message } of node.cel ?? []) {
    const check = celCheck(rule);
    if (check && !check(value)) {
      out.push({ path, message, rule: 'cel' });
      celFailed = true;
    }
  }
  // A CEL rule on the same node usually says the same as an at-most-one group (wasm/lua): report it once.
  for (const group of celFailed ? [] : (node.oneOf ?? [])) {
    const set = group.filter((f) => (value as Record<string, unknown>)[f] !== undefined && (value as Record<string, unknown>)[f] !== null);
    if (set.length > 1) out.push({ path, message: `only one of ${group.join(', ')} may be set, found ${set.join(' and ')}`, rule: 'schema' });
  }
  if (node.format && typeof value === 'string' && !celFailed) {
    const problem = formatProblem(node.format, value);
    if (problem) out.push({ path, message: problem, rule: 'schema' });
  }
  if (node.props && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(node.props)) applyChecks(child, (value as Record<string, unknown>)[key], [...path, key], out);
  }
  if (node.items && Array.isArray(value)) value.forEach((item, i) => applyChecks(node.items!, item, [...path, i], out));
  if (node.values && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) applyChecks(node.values, item, [...path, key], out);
  }
}

function formatProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'duration':
      return parseDuration(value) === undefined ? `invalid duration ${JSON.stringify(value)}: use Go syntax such as 500ms, 10s or 1h30m` : undefined;
    case 're2': {
      const reason = re2Error(value);
      return reason ? `invalid regex ${JSON.stringify(value)}: ${reason}` : undefined;
    }
    case 'byte':
      return isBase64(value) ? undefined : 'must be base64-encoded';
    default:
      return undefined;
  }
}
