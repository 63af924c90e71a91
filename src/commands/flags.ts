/**
 * Builders for flag tables (src/commands/types.ts FlagSpec), so that every command spells `-o`, `-f`, `--set`
 * and friends the same way, and the parsers that turn flag text into values. A parser throws commander's
 * InvalidArgumentError; commander then names the flag in a one-line usage error (exit 64).
 */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../errors.js';
import type { FlagSpec } from './types.js';

/** A boolean switch (`--in-place`), false unless given; `--no-x` switches default to true. */
export function boolFlag(flags: string, description: string): FlagSpec<boolean> {
  return flags.includes('--no-') ? { flags, description } : { flags, description, default: false };
}

/** A flag taking one text value, undefined when not given. */
export function textFlag(flags: string, description: string): FlagSpec<string | undefined> {
  return { flags, description };
}

/** A flag taking one text value that must be given (a missing one is a usage error). */
export function requiredFlag(flags: string, description: string): FlagSpec<string> {
  return { flags, description, required: true };
}

/** A flag taking one text value, with a default. */
export function textFlagWithDefault(flags: string, description: string, value: string): FlagSpec<string> {
  return { flags, description, default: value };
}

/** A repeatable flag collected into a list (`--set a=1 --set b=2`); undefined when never given. */
export function listFlag(flags: string, description: string): FlagSpec<string[] | undefined> {
  return { flags, description, parse: collect };
}

/** A flag restricted to `choices`, with a default. */
export function choiceFlag<const C extends readonly string[]>(flags: string, description: string, choices: C, value: C[number]): FlagSpec<C[number]> {
  return { flags, description, choices, default: value };
}

/** A flag whose text `parse` turns into a value of type V (with an optional default and its help text). */
export function parsedFlag<V>(flags: string, description: string, parse: (text: string) => V, value?: V, defaultText?: string): FlagSpec<V> {
  const spec: FlagSpec<V> = { flags, description, parse: (text) => parse(text) };
  if (value !== undefined) spec.default = value;
  if (defaultText !== undefined) spec.defaultText = defaultText;
  return spec;
}

/** `-o/--output <format>` restricted to the formats a command supports. */
export function outputFlag<const C extends readonly string[]>(formats: C, value: C[number]): FlagSpec<C[number]> {
  return choiceFlag('-o, --output <format>', `output format (${formats.join('|')})`, formats, value);
}

/** `-f/--filename <path>` repeatable: a file, a directory, or `-` for stdin. */
export function filenameFlag(description = 'input file, directory, or - for stdin (repeatable)'): FlagSpec<string[] | undefined> {
  return listFlag('-f, --filename <path>', description);
}

/** `-R/--recursive`: walk directories given with -f recursively. */
export function recursiveFlag(description = 'process directories given with -f recursively'): FlagSpec<boolean> {
  return boolFlag('-R, --recursive', description);
}

/** `--set path=value` repeatable overrides. */
export function setFlag(description = 'override a value, e.g. --set values.global.proxy.logLevel=debug (repeatable)'): FlagSpec<string[] | undefined> {
  return listFlag('--set <path=value>', description);
}

/** Collects a repeatable option into an array (`--set a=1 --set b=2`, `-f a.yaml -f b.yaml`). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `value` as a TCP port, or undefined; 0 ("any free port") only when `allowZero`. */
function toPort(value: string, allowZero: boolean): number | undefined {
  const n = Number(value);
  return /^\d+$/.test(value) && n <= 65535 && (n > 0 || allowZero) ? n : undefined;
}

/** Parser for a TCP port (1-65535). */
export function portNumber(value: string): number {
  const n = toPort(value, false);
  if (n === undefined) throw new InvalidArgumentError('expected a port number from 1 to 65535');
  return n;
}

/** A port flag kept as text until the command knows which flag applies: a UsageError naming `flag` when invalid. */
export function parsePort(value: string, flag: string, allowZero = false): number {
  const n = toPort(value, allowZero);
  if (n === undefined) throw new UsageError(`${flag}: "${value}" is not a port number (${allowZero ? 0 : 1}-65535)`);
  return n;
}

/** Parser for timeout flags: Go-style durations (30s, 1m30s, 500ms, plain seconds) in ms. */
export function durationMs(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 2m or 500ms');
  return ms;
}

/** Parser for istioctl-style boolean flags (`--use-kube=false`, `--browser=true`, 1/0, yes/no). */
export function booleanValue(value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new InvalidArgumentError(`expected true or false, got "${value}"`);
}

/** Parser for analyzer message levels (`--failure-threshold`, `--output-threshold`), any case. */
export function levelValue(value: string): 'Error' | 'Warning' | 'Info' {
  const level = (['Error', 'Warning', 'Info'] as const).find((l) => l.toLowerCase() === value.toLowerCase());
  if (!level) throw new InvalidArgumentError('expected Error, Warning or Info');
  return level;
}
