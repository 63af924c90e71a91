/** Data output in the machine formats every command offers with `-o json|yaml`. Never coloured. */
import { emitYaml } from '../core/yaml/emit.js';

/** JSON with two-space indentation and a final newline (stable: key order is the model's). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** YAML in kubectl's style, quoting anything a YAML 1.1 reader would misread. */
export function toYaml(value: unknown): string {
  return emitYaml(value);
}

/** Renders `value` as json or yaml; other formats are the command's own business. */
export function renderData(value: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? toJson(value) : toYaml(value);
}
