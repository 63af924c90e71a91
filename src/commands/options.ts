/**
 * TODO(#8): commander Option builders for commands not yet converted to flag tables (src/commands/flags.ts);
 * deleted once every command declares its flags as data. Parsers live in flags.ts.
 */
import { Option } from 'commander';
import { collect } from './flags.js';

export { booleanValue, collect, durationMs, levelValue, parsePort, portNumber } from './flags.js';

/** `-o/--output <format>` restricted to the formats a command supports; a bad value is a usage error (exit 64). */
export function outputOption(formats: readonly string[], defaultFormat: string): Option {
  return new Option('-o, --output <format>', `output format (${formats.join('|')})`).choices(formats).default(defaultFormat);
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
