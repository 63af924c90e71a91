/** Option builders shared by commands, so every command spells `-o`, `-f` and `--set` the same way. */
import { InvalidArgumentError, Option } from 'commander';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../errors.js';

/** `-o/--output <format>` restricted to the formats a command supports; a bad value is a usage error (exit 64). */
export function outputOption(formats: readonly string[], defaultFormat: string): Option {
  return new Option('-o, --output <format>', `output format (${formats.join('|')})`).choices(formats).default(defaultFormat);
}

/** Collects a repeatable option into an array (`--set a=1 --set b=2`, `-f a.yaml -f b.yaml`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `-f/--filename <path>` repeatable: a file, a directory, or `-` for stdin. */
export function filenameOption(description = 'input file, directory, or - for stdin (repeatable)'): Option {
  return new Option('-f, --filename <path>', description).argParser(collect);
}

/** `-R/--recursive`: walk directories given with -f recursively. */
export function recursiveOption(): Option {
  return new Option('-R, --recursive', 'process directories given with -f recursively').default(false);
}

/** `--set path=value` repeatable overrides. */
export function setOption(description = 'override a value, e.g. --set values.global.proxy.logLevel=debug (repeatable)'): Option {
  return new Option('--set <path=value>', description).argParser(collect);
}

/** `value` as a TCP port, or undefined; 0 ("any free port") only when `allowZero`. */
function toPort(value: string, allowZero: boolean): number | undefined {
  const n = Number(value);
  return /^\d+$/.test(value) && n <= 65535 && (n > 0 || allowZero) ? n : undefined;
}

/** Commander argument parser for a TCP port (1-65535); commander names the flag in the error (exit 64). */
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

/** Commander argument parser for timeout flags: Go-style durations (30s, 1m30s, 500ms, plain seconds) in ms. */
export function durationMs(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 2m or 500ms');
  return ms;
}

/** Commander argument parser for istioctl-style boolean flags (`--use-kube=false`, `--browser=true`, 1/0, yes/no). */
export function booleanValue(value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new InvalidArgumentError(`expected true or false, got "${value}"`);
}

/** Commander argument parser for analyzer message levels (`--failure-threshold`, `--output-threshold`), any case. */
export function levelValue(value: string): string {
  const level = ['Error', 'Warning', 'Info'].find((l) => l.toLowerCase() === value.toLowerCase());
  if (!level) throw new InvalidArgumentError('expected Error, Warning or Info');
  return level;
}
