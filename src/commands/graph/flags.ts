/** The flags of `mesh graph`, and the options type derived from them. */
import type { FlagSpec, OptionsOf } from '../types.js';
import { boolFlag, booleanValue, durationMs, filenameFlag, parsedFlag, recursiveFlag, textFlag } from '../flags.js';

/** The formats `mesh graph` draws in. */
export const GRAPH_FORMATS = ['html', 'svg', 'dot', 'mermaid', 'json'] as const;

/** One of GRAPH_FORMATS. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** `-o`/`--output`, repeatable: a format, a file to write (its extension names the format), or one of each. */
const output: FlagSpec<string[] | undefined> = {
  flags: '-o, --output <format|file>',
  description: `format (${GRAPH_FORMATS.join('|')}; default dot on stdout, html into a file or with --open), or a file to write: graph.html, .svg, .dot, .mmd, .json (both: -o html --output g.html)`,
  parse: (value, previous) => [...(previous ?? []), value],
};

/** The flags of `mesh graph`. */
export const graphFlags = {
  filename: filenameFlag('draw from these manifests (file, directory, or - for stdin; repeatable), applied on top of the cluster'),
  recursive: recursiveFlag(),
  useKube: parsedFlag('-k, --use-kube [bool]', 'also read the live cluster; --use-kube=false for files only', booleanValue, true),
  allNamespaces: boolFlag('-A, --all-namespaces', 'draw every namespace (default: -n, else all namespaces of the files, else the context namespace)'),
  focus: textFlag('--focus <name>', 'draw only what reaches this gateway, VirtualService, service or host and what it reaches (name, name.namespace, a host)'),
  output,
  open: boolFlag('--open', 'write the HTML page (to --output, else a temporary file) and open it in the browser'),
  timeout: parsedFlag('--timeout <duration>', 'how long to wait for the cluster', durationMs, 30_000, '30s'),
};

/** Parsed flags of `mesh graph`. */
export type GraphOptions = OptionsOf<typeof graphFlags>;
