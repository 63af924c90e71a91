/**
 * Builds the commander tree from src/commands/index.ts and runs it. This is the ONLY place that maps errors to
 * exit codes and prints them. Imports here must stay light: `mesh --help` and `mesh --version` load nothing else.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import type { CommandContext, CommandSpec, GlobalOptions } from './commands/types.js';
import { detectTerminal } from './adapters/terminal.js';
import { ExitCode, MeshError, UsageError } from './errors.js';
import { MESH_VERSION } from './version.js';

/** Streams and environment the CLI runs against; tests pass buffers. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** stdin is a terminal (confirmation prompts are possible). */
  stdinIsTTY?: boolean;
}

/** The real process streams. */
export function processIO(): CliIO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    readStdin: readProcessStdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
  };
}

async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Holds the outcome of the action that commander ran, since parseAsync does not return it. */
interface RunState {
  exitCode: number;
}

/** Builds the program. Exported for tests that assert on parsing without running anything. */
export function buildProgram(io: CliIO, state: RunState = { exitCode: 0 }): Command {
  const program = new Command('mesh')
    .description('A fast, pipeline-friendly CLI for the Istio service mesh (Istio 1.30).')
    .version(MESH_VERSION, '--version', 'print the mesh version and exit')
    .option('--kubeconfig <path>', 'path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'the kubeconfig context to use')
    .option('-n, --namespace <ns>', 'the namespace to work in')
    .option('-i, --istioNamespace <ns>', 'the namespace of the Istio control plane', 'istio-system')
    .option('-v, --verbose', 'print more detail, and stack traces for internal errors', false)
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const spec of commands) program.addCommand(toCommand(spec, io, state));
  return program;
}

function toCommand(spec: CommandSpec, io: CliIO, state: RunState): Command {
  const cmd = new Command(spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
  if (spec.aliases) cmd.aliases(spec.aliases);
  if (spec.arguments) cmd.arguments(spec.arguments);
  spec.options?.(cmd);
  if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
  cmd.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }).exitOverride().showSuggestionAfterError(true);
  for (const sub of spec.subcommands ?? []) cmd.addCommand(toCommand(sub, io, state));
  if (spec.run) {
    const run = spec.run;
    cmd.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const all = self.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
      const ctx: CommandContext = {
        globals: {
          kubeconfig: all.kubeconfig, context: all.context, namespace: all.namespace,
          istioNamespace: all.istioNamespace, verbose: all.verbose === true,
        },
        out: io.out, err: io.err, readStdin: io.readStdin, env: io.env,
        terminal: { ...detectTerminal(io.env, io.stdoutIsTTY, io.stderrIsTTY), stdinIsTTY: io.stdinIsTTY === true },
      };
      const code = await run(ctx, all, self.args);
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
      throw new UsageError(`unknown command "${sub}" for "mesh ${spec.name}" (commands: ${names.join(', ')})`, guess ? { hint: `did you mean "mesh ${spec.name} ${guess}"?` } : {});
    });
  }
  return cmd;
}

/** Runs mesh with argv (without `node` and the script); returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const verbose = argv.includes('-v') || argv.includes('--verbose') || io.env.MESH_DEBUG === '1';
  try {
    const program = buildProgram(io, state);
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.Ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, verbose);
  }
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
