/**
 * The contract between src/cli.ts and each command. A command is data (name, help, options) plus a `run`
 * that parses nothing itself: it receives its typed options, calls the core, renders, and returns an exit code.
 * Command files import only commander and types at the top level; everything else is loaded inside `run`.
 */
import type { Command } from 'commander';

/** Flags every command accepts (declared on the root program). */
export interface GlobalOptions {
  /** Path to a kubeconfig file (else $KUBECONFIG, else ~/.kube/config). */
  kubeconfig?: string;
  /** kubeconfig context to use. */
  context?: string;
  /** Namespace for namespaced operations; undefined means the kubeconfig context's namespace or `default`. */
  namespace?: string;
  /** Namespace of the Istio control plane. */
  istioNamespace: string;
  /** Print debugging detail (and stack traces for internal errors). */
  verbose: boolean;
}

/** Where a command writes and what it knows about the terminal. Tests pass buffers. */
export interface CommandContext {
  /** Parsed global flags. */
  globals: GlobalOptions;
  /** Writes data (YAML, JSON, tables) to stdout. Never progress or warnings. */
  out(text: string): void;
  /** Writes messages (warnings, reports, progress) to stderr. */
  err(text: string): void;
  /** Reads all of standard input (used for `-f -`). */
  readStdin(): Promise<Buffer>;
  /** Whether stdout/stderr are terminals and colour is allowed. */
  terminal: TerminalInfo;
  /** Process environment (read-only view); commands read env only through here. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Terminal capabilities, decided once in src/adapters/terminal.ts. */
export interface TerminalInfo {
  /** stdout is a TTY. */
  stdoutIsTTY: boolean;
  /** stderr is a TTY (spinners go there). */
  stderrIsTTY: boolean;
  /** Colour allowed on stdout tables/logs (TTY, TERM != dumb, no NO_COLOR). */
  color: boolean;
  /** Colour allowed on stderr. */
  colorErr: boolean;
  /** stdin is a TTY (a prompt can be answered); false in pipelines and tests. */
  stdinIsTTY?: boolean;
}

/** A command (or a group of subcommands) as data. */
export interface CommandSpec<O = any> {
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
  /** Positional arguments in commander syntax, e.g. `[files...]` or `<name>`. */
  arguments?: string;
  /** Adds the command's options to the commander Command. */
  options?: (cmd: Command) => void;
  /** Subcommands (a group like `profile list|dump|diff`). */
  subcommands?: CommandSpec[];
  /** Runs the command; returns the exit code (0 when undefined). Throws MeshError for user errors. */
  run?: (ctx: CommandContext, opts: O, args: string[]) => Promise<number | void>;
}
