/**
 * What a command runs against: the global flags, the terminal, the two output streams, and the ports to the
 * outside world (files, the cluster, the clock, the prompt, progress). src/cli.ts builds the real one
 * (src/adapters/context.ts); tests build one with test/helpers/fake-context.ts. Commands, use-cases and adapters
 * read the world only through here, so that nothing but src/adapters touches files, sockets, `process` or time.
 *
 * Ground floor: this file imports only types. The core areas own the narrow port interfaces it hands out
 * (ClusterReader, InstallClient, PrecheckCluster); the core itself never sees a context.
 */
import type { ClusterReader } from './core/model/cluster-read.js';
import type { PodArgument, PodInfo, PodRef } from './core/model/pods.js';
import type { Clock, InstallClient, ProgressSink } from './core/install/client.js';
import type { PrecheckCluster } from './core/precheck/cluster.js';
import type { WaypointClient } from './core/waypoint/client.js';

export type { Clock } from './core/install/client.js';

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

/** The text of one input named with `-f`. */
export interface SourceText {
  /** File path as given (or joined under a directory), or `<stdin>`. */
  origin: string;
  text: string;
}

/** How to read `-f` inputs. */
export interface ReadOptions {
  /** Walk sub-directories of directories given with -f. */
  recursive?: boolean;
  /** File name endings read from directories (default .yaml, .yml, .json). */
  extensions?: readonly string[];
}

/** The file system as commands see it. Errors are InputErrors naming the path. */
export interface Files {
  /** Reads every input (file, directory, `-` for stdin) into text, in the order given. */
  readSources(paths: readonly string[], options?: ReadOptions): Promise<SourceText[]>;
  /** Reads one file as UTF-8 text (a BOM is dropped; binary or non-UTF-8 input is refused). */
  readText(path: string): Promise<string>;
  /** Replaces `path` with `text` atomically (never left empty or half-written). */
  writeAtomic(path: string, text: string): Promise<void>;
  /** Creates `dir` (and its parents) and writes `files` (name → text; `executable`: mode 0755) into it; returns the paths written. */
  writeFiles(dir: string, files: readonly { name: string; text: string; executable?: boolean }[]): Promise<string[]>;
  /** Opens `path` (creating its directory) for writing a stream of bytes, such as an archive (bug-report). */
  openWrite(path: string): Promise<ByteSink>;
}

/** A file being written chunk by chunk; `write` resolves when the chunk may be followed by the next (backpressure). */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** Data files shipped with mesh (manifests/), found beside the installed code. */
export interface Assets {
  /** The text of `relPath` from the package root, e.g. `manifests/injection/sidecar.tmpl`. */
  text(relPath: string): string;
}

/** The user's browser (dashboard). */
export interface Browser {
  /** Opens `url`; `onFailure` gets a one-line reason when no browser could be started, now or a moment later. */
  open(url: string, onFailure: (reason: string) => void): Promise<void>;
}

/** Asks the person at the terminal. Only called when stdin is a terminal. */
export interface Prompt {
  /** Prints `question [y/N] ` on stderr; true only for `y` or `yes`. */
  confirm(question: string): Promise<boolean>;
}

/** A ProgressSink that must be stopped when the command ends (clears a running spinner). */
export interface Progress extends ProgressSink {
  /** Stops the spinner, if any. */
  stop(): void;
}

/** A one-line status on a terminal while something slow runs (nothing when stderr is not a terminal). */
export interface StatusLine {
  update(text: string): void;
  stop(): void;
}

/** Progress reporting, always through stderr: a spinner on a terminal, plain lines (or nothing) otherwise. */
export interface ProgressPort {
  /** Component-by-component progress (install, uninstall): spinner on a TTY, one line per step in a log. */
  steps(): Promise<Progress>;
  /** A transient status line (reading the cluster); a no-op when stderr is not a terminal. */
  status(text: string): Promise<StatusLine>;
}

/** Options of a request to a pod's port. */
export interface PodRequestOptions {
  /** Default GET (Envoy's /logging changes levels only with POST). */
  method?: string;
  /** Default 30 s: a config dump of a big mesh is tens of megabytes. */
  timeoutMs?: number;
  /** A JSON request body (ControlZ's PUT /scopej/<scope>), sent as application/json. */
  body?: string;
}

/** Which part of a container's log to read (the API server's pod log options). */
export interface LogOptions {
  /** Only lines newer than this many seconds. */
  sinceSeconds?: number;
  /** Only lines after this RFC 3339 time. */
  sinceTime?: string;
  /** Only the last lines. */
  tailLines?: number;
  /** Stop after this many bytes (the API server cuts the log there). */
  limitBytes?: number;
  /** The log of the container's previous (terminated) run. */
  previous?: boolean;
}

/** Where a port-forward listens locally. */
export interface LocalEndpoint {
  /** Default 127.0.0.1: never expose a pod's admin port to the network unless asked. */
  address?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** An open forward: a local address whose connections reach `pod:remotePort`. */
export interface PortForwardHandle {
  /** The local address listened on (e.g. 127.0.0.1 or localhost). */
  address: string;
  /** The local port (the one asked for, or a free one the OS chose). */
  localPort: number;
  /** What the forward reaches. */
  pod: PodRef;
  remotePort: number;
  /** The last error the API server or kubelet reported on a stream, if any (e.g. "connection refused"). */
  lastError(): string | undefined;
  /** Stops listening and drops every open stream. */
  close(): Promise<void>;
}

/** Pods as commands find them. */
export interface Pods {
  /** Resolves `[kind/]name[.namespace]` to one existing pod (Running and Ready first). */
  resolve(target: PodArgument): Promise<PodRef>;
  /** Pods matching `selector` in `namespace`, Running and Ready first, then by name; terminating pods left out. */
  list(namespace: string, selector: string): Promise<PodInfo[]>;
  /** One pod by name. */
  get(name: string, namespace: string): Promise<PodInfo>;
}

/**
 * A connected cluster: the kubeconfig is loaded (no request sent yet). Each member is a narrow port that a
 * core area or use-case defines. Errors thrown through it are ClusterErrors with one-line messages.
 */
export interface Cluster {
  /** The API server URL, for messages. */
  readonly server: string;
  /** The namespace from -n, else the kubeconfig context's, else `default`. */
  readonly namespace: string;
  /** Point-in-time lists of kinds (analyze, describe, precheck). */
  readonly reader: ClusterReader;
  /** Server-side apply, get, list, delete, logs and events (install, uninstall, verify-install, tag). */
  readonly install: InstallClient;
  /** Precheck's questions (version, access reviews, existing control planes). */
  readonly precheck: PrecheckCluster;
  /** Waypoint Gateways and namespace labels (waypoint apply, list, status, delete). */
  readonly waypoints: WaypointClient;
  /** Finding pods. */
  readonly pods: Pods;
  /** One HTTP request to a pod's port through a short-lived port-forward; resolves with the body. */
  request(pod: PodRef, port: number, path: string, options?: PodRequestOptions): Promise<string>;
  /**
   * Streams one container's log as the kubelet serves it (bug-report): chunks are read as they arrive, so a long log
   * is never held whole. Rejects with a one-line ClusterError when the log cannot be read (no kubelet, container unknown).
   */
  logs(pod: PodRef, container: string, options?: LogOptions): Promise<AsyncIterable<Uint8Array>>;
  /** A short-lived ServiceAccount token (TokenRequest; nothing is stored in the cluster) for `audiences` (x workload entry configure). */
  createToken(namespace: string, serviceAccount: string, options: { audiences: string[]; expirationSeconds: number }): Promise<string>;
  /** Opens a local listener forwarding to `pod:remotePort` (dashboard keeps it open). */
  portForward(pod: PodRef, remotePort: number, local?: LocalEndpoint): Promise<PortForwardHandle>;
}

/** The user's defaults file (`mesh x config`): ~/.config/mesh/config.yaml, or under $XDG_CONFIG_HOME, or $MESH_CONFIG. */
export interface UserSettings {
  /** Where the file is (or would be). */
  readonly path: string;
  /** Its text, read once when the command starts; undefined when there is no file. */
  readonly text: string | undefined;
  /** Replaces the file atomically (creating its folder). */
  save(text: string): Promise<void>;
}

/** Everything a command runs against. */
export interface CommandContext {
  /** Parsed global flags. */
  globals: GlobalOptions;
  /** Writes data (YAML, JSON, tables) to stdout. Never progress or warnings. */
  out(text: string): void;
  /** Writes messages (warnings, reports, progress) to stderr. */
  err(text: string): void;
  /** Whether stdout/stderr are terminals and colour is allowed. */
  terminal: TerminalInfo;
  /** Process environment (read-only view); commands read env only through here. */
  env: Readonly<Record<string, string | undefined>>;
  /** Files and standard input. */
  files: Files;
  /** Data files mesh ships (injection templates). */
  assets: Assets;
  /** Wall-clock time and sleeping; tests pin it. */
  clock: Clock;
  /** Questions to the person at the terminal. */
  prompt: Prompt;
  /** Spinners and progress lines on stderr. */
  progress: ProgressPort;
  /** Opening URLs in the user's browser. */
  browser: Browser;
  /** Resolves with the signal's name when the user stops the command (SIGINT, SIGTERM): for commands that run until then. */
  interrupted(): Promise<string>;
  /**
   * The cluster named by the global flags, connected on first call (this is where @kubernetes/client-node loads,
   * so a command that never calls it never pays for it). Throws ClusterError when there is no usable kubeconfig.
   */
  cluster(): Promise<Cluster>;
  /** Whether a kubeconfig is there to try (without loading it): $KUBECONFIG, --kubeconfig or ~/.kube/config. */
  kubeconfigAvailable(): boolean;
  /** The user's defaults file (the global flags' defaults already come from it). */
  settings: UserSettings;
}

/** The streams and environment the CLI runs against: the real process (src/adapters/process-io.ts) or test buffers. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** stdin is a terminal (confirmation prompts are possible). */
  stdinIsTTY?: boolean;
  /** The user's defaults file; none when absent (in-process tests). */
  settings?: () => UserSettings;
}
