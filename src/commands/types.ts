/**
 * The contract between src/cli.ts and each command. A command is data (name, help, flags) plus a `run` that
 * parses nothing itself: it receives its typed options, calls a use-case, renders, and returns an exit code.
 * Flags are declared as data (Vitest's cli-config is the model): src/cli.ts turns them into commander options,
 * and completion walks the same table, so the two never drift. Each command's options type is derived from its
 * table with `OptionsOf`. Command files import only types and src/commands/flags.ts at the top level; everything
 * else is loaded inside `run`.
 */
import type { CommandContext } from '../context.js';

/** One flag, as data. `V` is the type the command receives. */
export interface FlagSpec<V = unknown> {
  /** commander syntax: `-o, --output <format>`, `--in-place`, `--no-native-sidecar`, `-k, --use-kube [bool]`. */
  flags: string;
  /** One line of help. */
  description: string;
  /** Turns the text the user typed into the value (repeatable flags get the value so far); throw InvalidArgumentError. */
  parse?: (value: string, previous: V) => V;
  /** The value when the flag is not given. */
  default?: V;
  /** How the default reads in --help when the value itself would not (`30s` for 30000 ms). */
  defaultText?: string;
  /** The only values accepted (a bad one is a usage error, exit 64); also offered by shell completion. */
  choices?: readonly string[];
  /** Left out of --help (kept for compatibility). */
  hidden?: boolean;
  /** The flag must be given (commander reports a missing one as a usage error, exit 64). */
  required?: boolean;
  /**
   * Other spellings that set the same value (`--no-browser` beside `--browser [bool]`, istioctl's camelCase
   * `--ignoreUnmeshed` beside `--ignore-unmeshed`); each must file its value under the same key.
   */
  also?: readonly FlagSpelling[];
  /** Phantom: carries `V` for `OptionsOf`; never set. */
  readonly __type?: V;
}

/** Another spelling of a flag (see FlagSpec.also). */
export interface FlagSpelling {
  /** commander syntax, e.g. `--no-browser`. */
  flags: string;
  /** One line of help. */
  description: string;
  /** Left out of --help. */
  hidden?: boolean;
}

/** A command's flags: the key is the option's name in the options object (commander's camelCase of the long flag). */
// `any`: a table holds flags of every value type; each command's own table keeps its precise types (OptionsOf).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FlagTable = Record<string, FlagSpec<any>>;

/** The options object a command receives for its flag table. */
export type OptionsOf<T extends FlagTable> = { [K in keyof T]: NonNullable<T[K]> extends FlagSpec<infer V> ? V : never };

/** A positional argument, as data. */
export interface ArgumentSpec {
  /** commander syntax: `<shell>`, `[files...]`. */
  name: string;
  /** One line of help. */
  description?: string;
  /** The only values accepted; also offered by shell completion. */
  choices?: readonly string[];
}

/** A command (or a group of subcommands) as data. */
export interface CommandSpec<F extends FlagTable = FlagTable> {
  /** The verb as typed, e.g. `kube-inject`. */
  name: string;
  /** Other names, e.g. `pc` for proxy-config. */
  aliases?: string[];
  /** One line for the command list. */
  summary: string;
  /** Longer help text, shown above the options. */
  description?: string;
  /** Example invocations with a comment line each, shown under `Examples:` in --help. */
  examples?: string[];
  /** Positional arguments. */
  arguments?: readonly ArgumentSpec[];
  /** The command's flags. */
  flags?: F;
  /** Subcommands (a group like `profile list|dump|diff`). */
  subcommands?: AnyCommandSpec[];
  /** Runs the command; returns the exit code (0 when undefined). Throws MeshError for user errors. */
  run?(ctx: CommandContext, opts: OptionsOf<F>, args: string[]): Promise<number | void>;
}

/** Declares a command, keeping its flag table's types for `run` (a no-op at run time). */
export function defineCommand<F extends FlagTable>(spec: CommandSpec<F>): CommandSpec<F> {
  return spec;
}

/** Any command, whatever its flag table (the list in ./index.ts, subcommands). */
// `any`: the list holds commands of every flag table; `run` is only ever called with its own table's options.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommandSpec = CommandSpec<any>;
