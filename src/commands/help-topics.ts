/**
 * `mesh help [topic|command]`: a page on a topic every command shares (exit codes, output formats, how to name a
 * pod), or, for a command name, that command's --help exactly as commander's built-in `help` command prints it.
 * Each page is built from the data it describes (ExitCode, the commands' flag tables, the pod kinds parsePodArgument
 * accepts), so it cannot fall behind the code.
 */
import { defineCommand, type AnyCommandSpec, type FlagSpec } from './types.js';
import { ExitCode } from '../errors.js';
import type { Column } from '../render/table.js';

/** What each exit code means; `satisfies` makes a new code without a meaning a compile error. */
const EXIT_CODE_MEANINGS = {
  Ok: 'success',
  Internal: 'unexpected error: a bug in mesh (run again with --verbose for the stack trace, and please report it)',
  Usage: 'bad flags or arguments, or an unknown command; nothing was done',
  Data: 'an input file cannot be read or parsed, or fails its schema (the message starts with file:line:col)',
  Unavailable: 'the cluster could not be reached or refused the request (no kubeconfig, unauthorized, forbidden, CRDs missing)',
  IssuesFound:
    'the command ran fine and its result is negative: findings at or above the threshold (analyze, validate, precheck), drift (verify-install), differences (manifest diff, profile diff, proxy-config rootca-compare)',
} satisfies Record<keyof typeof ExitCode, string>;

/** What each `-o` format name means, wherever a command offers it (a test checks every offered format is here). */
export const OUTPUT_FORMAT_MEANINGS: Readonly<Record<string, string>> = {
  text: 'human-readable text (the default of most commands); not meant for parsing',
  log: 'one line per finding, `Level [CODE] (resource file:line) message`, as istioctl prints it; coloured on a terminal',
  short: 'the terse table istioctl prints for the view',
  table: 'aligned columns with a header row, sorted; coloured on a terminal',
  json: 'JSON: a stable, documented shape (public API), never coloured',
  yaml: 'YAML: the same data as json',
  sarif: 'SARIF 2.1.0, for code-scanning tools (GitHub code scanning and others)',
  prom: "Prometheus text exposition format, as Envoy's /stats/prometheus gives it",
  'prom-merged': "Prometheus text of pilot-agent's merged Envoy and application metrics (the pod's prometheus.io/port)",
};

/** The topics, each with its one-line summary and page builder (given the command tree). */
const TOPICS: Record<string, { summary: string; page: (tree: readonly AnyCommandSpec[]) => Promise<string> }> = {
  'exit-codes': { summary: 'what each exit code means', page: async () => exitCodesPage() },
  'output-formats': { summary: 'the -o formats of each command, and what they print', page: (tree) => outputFormatsPage(tree) },
  'pod-argument': { summary: 'how to name a pod: name[.namespace], kind/name[.namespace]', page: podArgumentPage },
};

/** The names of the help topics, in the order `mesh help` lists them. */
export const HELP_TOPICS = Object.keys(TOPICS);

/**
 * `mesh help <topic>` over the command tree `tree` returns (the list in ./index.ts, which includes this command;
 * taking it as an argument keeps this file from importing the list that imports it). `mesh help <command>` never
 * gets here: src/cli.ts routes it to `<command> --help`, commander's own help.
 */
export function helpCommand(tree: () => readonly AnyCommandSpec[]) {
  return defineCommand({
    name: 'help',
    summary: `Show help for a command, or a topic: ${HELP_TOPICS.join(', ')}`,
    description: `Prints a topic page (${HELP_TOPICS.map((t) => `${t}: ${TOPICS[t]!.summary}`).join('; ')}), or the --help of the named command.`,
    examples: [
      '# what exit 79 means',
      'mesh help exit-codes',
      '# the -o formats of every command',
      'mesh help output-formats',
      "# a subcommand's help, the same as mesh proxy-config cluster --help",
      'mesh help proxy-config cluster',
    ],
    arguments: [{ name: '[topic...]', description: `a topic (${HELP_TOPICS.join(', ')}) or a command name` }],
    async run(ctx, _opts, words) {
      const topic = words.length === 1 && Object.hasOwn(TOPICS, words[0]!) ? TOPICS[words[0]!] : undefined;
      if (topic) {
        ctx.out(await topic.page(tree()));
        return ExitCode.Ok;
      }
      return unknownTopic(tree(), words);
    },
  });
}

/** A word that is neither a topic nor a command (src/cli.ts routes command names): a usage error naming the nearest. */
async function unknownTopic(commands: readonly AnyCommandSpec[], words: string[]): Promise<number> {
  const known = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  const { UsageError } = await import('../errors.js');
  const { nearest } = await import('../profiles/paths.js');
  const guess = nearest(words[0] ?? '', [...HELP_TOPICS, ...known]);
  throw new UsageError(
    `no help topic or command "${words.join(' ')}" (topics: ${HELP_TOPICS.join(', ')}; commands: ${commands.map((c) => c.name).join(', ')})`,
    guess ? { hint: `did you mean "mesh help ${guess}"?` } : {},
  );
}

/** Rows aligned by the one table writer (no header, two spaces apart), indented two spaces; no trailing newline. */
async function aligned(rows: readonly (readonly string[])[], columns: readonly Column[]): Promise<string> {
  const { renderTable } = await import('../render/table.js');
  const table = renderTable(columns, rows, { noHeader: true, padding: 2, trimEnd: true });
  return table.replace(/\n$/, '').replace(/^/gm, '  ');
}

async function exitCodesPage(): Promise<string> {
  const rows = (Object.keys(ExitCode) as (keyof typeof ExitCode)[]).map((name) => [String(ExitCode[name]), name, EXIT_CODE_MEANINGS[name]]);
  return [
    'Exit codes',
    '',
    'Every mesh command exits with one of these codes (after BSD sysexits, as istioctl uses them). They are public',
    'API: scripts may rely on them. -o never changes the exit code. An error prints one line, `error: <message>`,',
    'and often a `hint:` line, on stderr.',
    '',
    await aligned(rows, [{ header: '', align: 'right' }, { header: '' }, { header: '' }]),
    '',
    'Examples:',
    '  mesh validate -f k8s/ -R || echo "exit $?: see mesh help exit-codes"',
    '  mesh analyze --use-kube=false samples/; test $? -eq 79 && echo "findings at or above --failure-threshold"',
    '',
  ].join('\n');
}

/** An -o flag of one command, read from its flag table (or, for a command not yet converted, from commander). */
interface OutputFlag {
  /** `mesh proxy-config cluster`. */
  command: string;
  /** The formats offered, or undefined when -o takes a path. */
  choices?: readonly string[];
  default?: unknown;
  description: string;
}

/** Every -o flag of `specs` and their subcommands, in `mesh --help` order. */
export async function outputFlags(specs: readonly AnyCommandSpec[], prefix = 'mesh'): Promise<OutputFlag[]> {
  const out: OutputFlag[] = [];
  for (const spec of specs) {
    const command = `${prefix} ${spec.name}`;
    const found = outputFlagOf(spec);
    if (found) out.push({ command, ...found });
    out.push(...(await outputFlags(spec.subcommands ?? [], command)));
  }
  return out;
}

function outputFlagOf(spec: AnyCommandSpec): Omit<OutputFlag, 'command'> | undefined {
  const flag = (Object.values(spec.flags ?? {}) as FlagSpec[]).find((f) => /(^|\s)--output\b/.test(f.flags));
  return flag ? { choices: flag.choices, default: flag.default, description: flag.description } : undefined;
}

async function outputFormatsPage(specs: readonly AnyCommandSpec[]): Promise<string> {
  const flags = await outputFlags(specs);
  const used = [...new Set(flags.flatMap((f) => f.choices ?? []))];
  const offered = (f: OutputFlag): string =>
    f.choices ? `-o ${f.choices.join('|')}${f.default !== undefined ? ` (default ${String(f.default)})` : ''}` : `-o: ${f.description}`;
  const plain = [{ header: '' }, { header: '' }];
  return [
    'Output formats',
    '',
    'Data goes to stdout in the format -o/--output names; progress, warnings and summaries go to stderr, so',
    '`mesh ... -o json | jq` always gets clean data. A format a command does not offer is a usage error (exit 64).',
    '',
    await aligned(
      flags.map((f) => [f.command, offered(f)]),
      plain,
    ),
    '',
    'Formats:',
    await aligned(
      used.map((name) => [name, OUTPUT_FORMAT_MEANINGS[name] ?? '']),
      plain,
    ),
    '',
    'Examples:',
    '  mesh validate -f k8s/ -R -o json | jq .summary',
    '  mesh proxy-status -o yaml',
    '',
  ].join('\n');
}

async function podArgumentPage(): Promise<string> {
  const { POD_OWNER_KINDS } = await import('../core/model/pods.js');
  const byKind = new Map<string, string[]>();
  for (const [prefix, { kind }] of Object.entries(POD_OWNER_KINDS)) byKind.set(kind, [...(byKind.get(kind) ?? []), prefix]);
  return [
    'The pod argument',
    '',
    'Commands that talk to one proxy (proxy-config, proxy-status <pod>, describe pod, dashboard proxy|envoy|controlz)',
    'take the pod as one argument:',
    '',
    '  <name>                   a pod in the namespace of -n/--namespace, else of the kubeconfig context',
    '  <name>.<namespace>       a pod in that namespace (what follows the last dot is the namespace, as in istioctl)',
    '  <kind>/<name>[.<namespace>]',
    '                           a Running and Ready pod of that workload or Service, found through its selector',
    '',
    'Kinds, with the prefixes accepted for each (case does not matter):',
    await aligned(
      [...byKind].map(([kind, prefixes]) => [kind, prefixes.map((p) => `${p}/`).join(' ')]),
      [{ header: '' }, { header: '' }],
    ),
    '',
    'A pod name with a dot in it needs its namespace too (productpage.v1.default is pod productpage.v1 in default).',
    'An unknown kind or an empty name is a usage error (exit 64); a pod or workload that does not exist exits 69.',
    '',
    'Examples:',
    '  mesh proxy-config cluster productpage-v1-7d4b9c8f5-x2x7z.bookinfo',
    '  mesh proxy-config listener deploy/productpage.bookinfo --port 9080',
    '  mesh describe pod deployment/reviews-v1 -n bookinfo',
    '',
  ].join('\n');
}
