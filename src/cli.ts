/**
 * Builds the commander tree from src/commands/index.ts and runs it. This is the ONLY place that maps errors to
 * exit codes and prints them. Imports here must stay light: `mesh --help` and `mesh --version` load nothing else.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { commands } from './commands/index.js';
import { globalFlags, type GlobalFlagValues } from './commands/global-flags.js';
import type { AnyCommandSpec, FlagTable } from './commands/types.js';
import type { CliIO, CommandContext, GlobalOptions } from './context.js';
import { processContext } from './adapters/context.js';
import { processIO } from './adapters/process-io.js';
import { ExitCode, MeshError, UsageError } from './errors.js';
import { MESH_VERSION } from './version.js';
import { settingsEnvSet } from './core/settings-keys.js';

export type { CliIO } from './context.js';

/** Builds the context a command runs with from the parsed global flags (tests pass a fake one). */
export type ContextFactory = (globals: GlobalOptions) => CommandContext;

/** Holds the outcome of the action that commander ran, since parseAsync does not return it. */
interface RunState {
  exitCode: number;
}

/** Builds the program. Exported for tests that assert on parsing without running anything. */
export function buildProgram(
  io: CliIO,
  state: RunState = { exitCode: 0 },
  contextFor: ContextFactory = (g) => processContext(io, g),
  defaults: GlobalDefaults = {},
): Command {
  const program = new Command('mesh')
    .description('A fast, pipeline-friendly CLI for the Istio service mesh (Istio 1.30).')
    .version(MESH_VERSION, '--version', 'print the mesh version and exit')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  addFlags(program, withDefaults(globalFlags, defaults));
  for (const spec of commands) program.addCommand(toCommand(spec, io, state, contextFor));
  return program;
}

/** Defaults of global flags from the user's settings (`mesh x config`), by option name. */
export type GlobalDefaults = Partial<Record<keyof typeof globalFlags, string>>;

/** The global flag table with the settings' values as defaults. */
function withDefaults(flags: typeof globalFlags, defaults: GlobalDefaults): FlagTable {
  const out: FlagTable = { ...flags };
  for (const [key, value] of Object.entries(defaults)) if (value) out[key] = { ...out[key]!, default: value };
  return out;
}

/**
 * The settings file and MESH_* variables, as global flag defaults. The YAML reader loads only when there is a file
 * or a variable, so that a plain run pays for nothing.
 */
async function globalDefaults(io: CliIO): Promise<GlobalDefaults> {
  const settings = io.settings?.();
  if (!settings?.text?.trim() && !settingsEnvSet(io.env)) return {};
  const { parseSettingsFile, resolveSettings, SETTINGS } = await import('./core/settings.js');
  const resolved = resolveSettings(parseSettingsFile(settings?.text, settings?.path ?? ''), settings?.path ?? '', io.env);
  const out: GlobalDefaults = {};
  for (const r of resolved) if (r.from !== 'default') out[SETTINGS.find((s) => s.key === r.key)!.option] = r.value;
  return out;
}

/**
 * Adds a flag table's options to `cmd`. The table's key must be the name commander files the value under, so that
 * `OptionsOf<table>` is what the command really receives: a mismatch is a bug in the table, caught by every test
 * that builds the program.
 */
function addFlags(cmd: Command, flags: FlagTable): void {
  for (const [key, spec] of Object.entries(flags)) {
    const option = new Option(spec.flags, spec.description);
    if (spec.parse) option.argParser(spec.parse);
    if (spec.default !== undefined) option.default(spec.default, spec.defaultText);
    if (spec.choices) option.choices(spec.choices);
    if (spec.hidden) option.hideHelp();
    if (spec.required) option.makeOptionMandatory();
    cmd.addOption(checked(cmd, key, option));
    for (const other of spec.also ?? []) {
      const spelling = new Option(other.flags, other.description);
      if (other.hidden) spelling.hideHelp();
      cmd.addOption(checked(cmd, key, spelling));
    }
  }
}

/** `option`, once its attribute name is known to equal the table key `key`. */
function checked(cmd: Command, key: string, option: Option): Option {
  if (option.attributeName() !== key) throw new Error(`flag table of "${cmd.name()}": key "${key}" should be "${option.attributeName()}" for ${option.flags}`);
  return option;
}

function toCommand(spec: AnyCommandSpec, io: CliIO, state: RunState, contextFor: ContextFactory): Command {
  const cmd = new Command(spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
  if (spec.aliases) cmd.aliases(spec.aliases);
  for (const arg of spec.arguments ?? []) {
    const argument = new Argument(arg.name, arg.description);
    if (arg.choices) argument.choices(arg.choices);
    cmd.addArgument(argument);
  }
  if (spec.flags) addFlags(cmd, spec.flags);
  if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
  cmd
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .showSuggestionAfterError(true);
  for (const sub of spec.subcommands ?? []) cmd.addCommand(toCommand(sub, io, state, contextFor));
  if (spec.run) {
    const run = spec.run;
    cmd.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const all = self.optsWithGlobals() as GlobalFlagValues & Record<string, unknown>;
      const ctx = contextFor({
        kubeconfig: all.kubeconfig,
        context: all.context,
        namespace: all.namespace,
        istioNamespace: all.istioNamespace,
        verbose: all.verbose === true,
      });
      const code = await run.call(spec, ctx, all, self.args);
      state.exitCode = code ?? ExitCode.Ok;
    });
  } else if (spec.subcommands?.length) {
    // A bare group (`mesh profile`) prints its help and exits 64, like kubectl for a missing subcommand; an unknown
    // subcommand is named, with the group's commands and the nearest one.
    const names = spec.subcommands.map((s) => s.name);
    cmd.allowExcessArguments(true).action(async (...actionArgs: unknown[]) => {
      const sub = (actionArgs[actionArgs.length - 1] as Command).args[0];
      if (sub === undefined) {
        cmd.outputHelp({ error: true });
        state.exitCode = ExitCode.Usage;
        return;
      }
      const { nearest } = await import('./profiles/paths.js');
      const guess = nearest(sub, names);
      throw new UsageError(
        `unknown command "${sub}" for "mesh ${spec.name}" (commands: ${names.join(', ')})`,
        guess ? { hint: `did you mean "mesh ${spec.name} ${guess}"?` } : {},
      );
    });
  }
  return cmd;
}

/** Runs mesh with argv (without `node` and the script); returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = processIO(), contextFor?: ContextFactory): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const verbose = argv.includes('-v') || argv.includes('--verbose') || io.env.MESH_DEBUG === '1';
  try {
    const program = buildProgram(io, state, contextFor, await globalDefaults(io));
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.Ok;
    }
    await program.parseAsync(routeHelp(argv, program), { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

/**
 * `mesh help <command> [sub...]` is that command's `--help` (commander's own help command is replaced by the
 * `help` command of topics, src/commands/help-topics.ts); bare `mesh help` is the program's help. Anything else
 * after `help` is a topic.
 */
function routeHelp(argv: string[], program: Command): string[] {
  if (argv[0] !== 'help') return argv;
  if (argv.length === 1) return ['--help'];
  const named = program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]!));
  return named ? [...argv.slice(1), '--help'] : argv;
}

/** Prints an error the way users should see it: one line (plus a hint), a stack only for bugs in verbose mode. */
export function reportError(error: unknown, io: CliIO, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help/version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.Ok;
    return ExitCode.Usage;
  }
  if (error instanceof MeshError) {
    io.err(`error: ${error.message}\n`);
    if (error.hint) io.err(`hint: ${error.hint}\n`);
    if (verbose && error.cause instanceof Error) io.err(`cause: ${error.cause.stack ?? error.cause.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: internal error: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('hint: this is a bug in mesh; please report it (run again with --verbose for the stack trace)\n');
  return ExitCode.Internal;
}
