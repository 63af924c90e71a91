/**
 * An in-memory CommandContext (src/context.ts) for CLI and use-case tests: files from a map, a pinned clock,
 * scripted prompt answers, progress recorded as lines, and a cluster seeded with objects, pods and pod answers
 * (config dumps, istiod debug endpoints). Tests that are about the HTTP level keep the scripted API server.
 */
import type { Cluster, CommandContext, GlobalOptions, PodRequestOptions, PortForwardHandle, SourceText, UserSettings } from '../../src/context.js';
import { ClusterError, InputError } from '../../src/errors.js';
import { kindOf } from '../../src/core/analyze/index.js';
import type { SkippedKind } from '../../src/core/model/cluster-read.js';
import type { PodArgument, PodInfo, PodRef } from '../../src/core/model/pods.js';
import type { PrecheckCluster } from '../../src/core/precheck/cluster.js';
import { kindKey, type KindResource } from '../../src/core/precheck/permissions.js';
import type { Permission } from '../../src/core/precheck/types.js';
import { isClusterScoped } from '../../src/core/install/plan.js';
import type { KubeObject } from '../../src/core/yaml/load.js';
import { readAsset } from '../../src/adapters/assets.js';
import { main } from '../../src/cli.js';
import { FakeClock, FakeCluster, readyOnRead } from './fake-install-client.js';
import { fakeWaypoints } from './fake-waypoints.js';

/** What the fake world holds. */
export interface FakeWorld {
  /** Objects in the cluster (what list/get/read see). */
  objects?: KubeObject[];
  /** Kinds the cluster reader leaves out, and why. */
  skipped?: SkippedKind[];
  /** Pods the cluster has (for pods.list/get/resolve). */
  pods?: PodInfo[];
  /** Answers of pod ports: `name.namespace:port/path` (path with its query) → body; a missing key is refused. */
  dumps?: Record<string, string>;
  /** Container logs: `name.namespace/container` → text (streamed in chunks); a missing key is refused, as a KWOK node does. */
  logs?: Record<string, string>;
  /** ServiceAccount tokens: `namespace/serviceAccount` → token; a missing key is a not-found ClusterError. */
  tokens?: Record<string, string>;
  /** Files by path (what `-f` reads); directories are the paths' prefixes. */
  files?: Record<string, string>;
  /** Standard input. */
  stdin?: string;
  /** The clock's time: an ISO date or milliseconds since the epoch. */
  now?: string | number;
  /** Answers to confirmation prompts, in order (a prompt past the end fails the test). */
  answers?: boolean[];
  /** When the user interrupts: `now` (default: a command that runs until interrupted stops at once) or `never`. */
  interrupt?: 'now' | 'never';
  /** No kubeconfig: cluster() fails as it does on a machine without one. */
  noCluster?: boolean;
  /** Whether stdin is a terminal (prompts possible). */
  stdinIsTTY?: boolean;
  /** CRDs become Established and workloads ready on first read, as controllers would make them (install's waits). */
  readyOnRead?: boolean;
  /** The API server's gitVersion, for precheck (default v1.34.2). */
  kubernetesVersion?: string;
  /** Token Secrets get their `ca.crt` and `token` on first read, as Kubernetes' token controller fills them in. */
  tokenController?: { caCrt: string; token: string };
  /** Which permissions precheck's access reviews allow (default: all). */
  allow?: (permission: Permission) => boolean;
  /** The user's settings file (`mesh x config`), at SETTINGS_PATH; absent when undefined. */
  settings?: string;
  /** The process environment the command sees (MESH_* settings overrides). */
  env?: Record<string, string>;
}

/** Where the fake settings file is (what `x config set` writes). */
export const SETTINGS_PATH = '/home/user/.config/mesh/config.yaml';

/** The fake world's settings file: writes land in `written`. */
function fakeSettings(world: FakeWorld, written: Map<string, string>): UserSettings {
  return { path: SETTINGS_PATH, text: world.settings, save: async (text) => void written.set(SETTINGS_PATH, text) };
}

/** The fake context plus what the command did to the world. */
export interface FakeContext extends CommandContext {
  /** All stdout so far. */
  readonly stdout: () => string;
  /** All stderr so far. */
  readonly stderr: () => string;
  /** Files the command wrote (path → text). */
  readonly written: Map<string, string>;
  /** Files the command streamed through openWrite (path → bytes), once closed. */
  readonly streamed: Map<string, Buffer>;
  /** Log requests: `name.namespace/container` with the options as JSON. */
  readonly logRequests: string[];
  /** Prompts asked. */
  readonly asked: string[];
  /** The in-memory install client (applies, deletes, calls). */
  readonly installed: FakeCluster;
  /** Requests sent to pods: `METHOD name.namespace:port/path`, then ` <body>` when one was sent. */
  readonly requests: string[];
  /** URLs opened in the browser. */
  readonly opened: string[];
}

const SERVER = 'https://fake-cluster.invalid';

/** Builds a context over `world` with the given global flags. */
export function fakeContext(world: FakeWorld = {}, globals: Partial<GlobalOptions> = {}): FakeContext {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const streamed = new Map<string, Buffer>();
  const logRequests: string[] = [];
  const asked: string[] = [];
  const requests: string[] = [];
  const opened: string[] = [];
  const answers = [...(world.answers ?? [])];
  const installed = new FakeCluster(world.objects ?? []);
  if (world.readyOnRead) readyOnRead(installed);
  const tokens = world.tokenController;
  if (tokens) {
    installed.statusHooks.set('Secret', (o) =>
      o.type === 'kubernetes.io/service-account-token' && !o.data
        ? { ...o, data: { 'ca.crt': Buffer.from(tokens.caCrt).toString('base64'), token: Buffer.from(tokens.token).toString('base64') } }
        : o,
    );
  }
  const clock = new FakeClock();
  clock.t = typeof world.now === 'string' ? Date.parse(world.now) : (world.now ?? Date.parse('2026-12-01T00:00:00Z'));
  const files = world.files ?? {};
  const err = (t: string): void => void (stderr += t);
  const fullGlobals: GlobalOptions = { istioNamespace: 'istio-system', verbose: false, ...globals };
  const pods = world.pods ?? [];

  const cluster: Cluster = {
    server: SERVER,
    namespace: fullGlobals.namespace ?? 'default',
    reader: {
      async read(options) {
        const wanted = new Set(options.kinds.map((k) => (k === 'MeshConfig' || k === 'MeshNetworks' ? 'ConfigMap' : k)));
        const skipped = (world.skipped ?? []).filter((s) => wanted.has(s.kind));
        const left = new Set(skipped.map((s) => s.kind));
        const objects = [...installed.objects.values()].filter((o) => wanted.has(kindOf(o)) && !left.has(kindOf(o)));
        options.onProgress?.(wanted.size, wanted.size);
        return { objects, complete: [...wanted].filter((k) => !left.has(k) && k !== 'ConfigMap'), skipped, server: SERVER };
      },
    },
    install: installed,
    precheck: fakePrecheck(world, installed),
    waypoints: fakeWaypoints(installed),
    pods: {
      async resolve(target: PodArgument): Promise<PodRef> {
        const pod = pods.find((p) => p.name === target.name && p.namespace === target.namespace);
        if (!pod) throw new ClusterError(`pod ${target.name} in namespace ${target.namespace} not found`);
        return { name: pod.name, namespace: pod.namespace };
      },
      async list(namespace, selector) {
        const wanted = selector
          .split(',')
          .filter(Boolean)
          .map((s) => s.split('='));
        return pods.filter((p) => p.namespace === namespace && wanted.every(([k, v]) => p.labels[k!] === v));
      },
      async get(name, namespace) {
        const pod = pods.find((p) => p.name === name && p.namespace === namespace);
        if (!pod) throw new ClusterError(`pod ${name} in namespace ${namespace} not found`);
        return pod;
      },
    },
    async request(pod: PodRef, port: number, path: string, options: PodRequestOptions = {}): Promise<string> {
      const key = `${pod.name}.${pod.namespace}:${port}${path}`;
      requests.push(`${options.method ?? 'GET'} ${key}${options.body === undefined ? '' : ` ${options.body}`}`);
      const body = world.dumps?.[key];
      if (body === undefined) throw new ClusterError(`cannot reach port ${port} of pod ${pod.name}.${pod.namespace}: connection refused`);
      return body;
    },
    async logs(pod, container, options = {}) {
      const key = `${pod.name}.${pod.namespace}/${container}`;
      logRequests.push(`${key} ${JSON.stringify(options)}`);
      const text = world.logs?.[key];
      if (text === undefined)
        throw new ClusterError(`cannot read the log of container ${container} of pod ${pod.name}.${pod.namespace}: HTTP 502: no kubelet on the node`);
      const bytes = Buffer.from(text);
      return (async function* () {
        // Small chunks, so that line splitting across chunk boundaries is exercised.
        for (let i = 0; i < bytes.length; i += 64) yield bytes.subarray(i, i + 64);
      })();
    },
    async createToken(namespace, serviceAccount) {
      const token = world.tokens?.[`${namespace}/${serviceAccount}`];
      if (token === undefined)
        throw new ClusterError(
          `cannot create a token for service account ${serviceAccount} in namespace ${namespace}: HTTP 404: serviceaccounts "${serviceAccount}" not found`,
        );
      return token;
    },
    async portForward(pod, remotePort, local = {}): Promise<PortForwardHandle> {
      return { address: local.address ?? '127.0.0.1', localPort: local.port || 40000, pod, remotePort, lastError: () => undefined, close: async () => {} };
    },
  };

  const ctx: FakeContext = {
    globals: fullGlobals,
    out: (t) => void (stdout += t),
    err,
    env: world.env ?? {},
    terminal: { stdoutIsTTY: false, stderrIsTTY: false, color: false, colorErr: false, stdinIsTTY: world.stdinIsTTY === true },
    settings: fakeSettings(world, written),
    // The data files mesh ships are read from the checkout: they are part of the program, not of the world.
    assets: { text: readAsset },
    files: {
      async readSources(paths) {
        const out: SourceText[] = [];
        for (const path of paths) {
          if (path === '-') {
            out.push({ origin: '<stdin>', text: world.stdin ?? '' });
            continue;
          }
          const inDir = Object.keys(files)
            .filter((f) => f.startsWith(`${path.replace(/\/$/, '')}/`))
            .sort();
          if (files[path] !== undefined) out.push({ origin: path, text: files[path]! });
          else if (inDir.length) for (const f of inDir) out.push({ origin: f, text: files[f]! });
          else throw new InputError(`${path}: no such file or directory`);
        }
        return out;
      },
      async readText(path) {
        const text = files[path];
        if (text === undefined) throw new InputError(`${path}: no such file or directory`);
        return text;
      },
      async writeAtomic(path, text) {
        written.set(path, text);
      },
      async writeFiles(dir, list) {
        return list.map((f) => {
          written.set(`${dir}/${f.name}`, f.text);
          return `${dir}/${f.name}`;
        });
      },
      async openWrite(path) {
        const chunks: Buffer[] = [];
        return {
          write: async (chunk) => void chunks.push(Buffer.from(chunk)),
          close: async () => void streamed.set(path, Buffer.concat(chunks)),
        };
      },
    },
    clock,
    prompt: {
      async confirm(question) {
        asked.push(question);
        const answer = answers.shift();
        if (answer === undefined) throw new Error(`fakeContext: unexpected prompt "${question}"`);
        return answer;
      },
    },
    progress: {
      async steps() {
        return {
          start: (t) => err(`start ${t}\n`),
          update: () => {},
          succeed: (t) => err(`✔ ${t}\n`),
          fail: (t) => err(`✘ ${t}\n`),
          warn: (t) => err(`! warning: ${t}\n`),
          info: (t) => err(`  ${t}\n`),
          stop: () => {},
        };
      },
      async status() {
        return { update() {}, stop() {} };
      },
    },
    async cluster() {
      if (world.noCluster) throw new ClusterError('no cluster configured: the kubeconfig has no current context');
      return cluster;
    },
    kubeconfigAvailable: () => !world.noCluster,
    browser: {
      async open(url) {
        opened.push(url);
      },
    },
    // A command that runs until interrupted stops at once: the test has already seen what it printed first.
    interrupted: () => (world.interrupt === 'never' ? new Promise<string>(() => {}) : Promise.resolve('SIGINT')),
    stdout: () => stdout,
    stderr: () => stderr,
    written,
    streamed,
    logRequests,
    asked,
    installed,
    requests,
    opened,
  };
  return ctx;
}

/**
 * Precheck's questions answered from the world: the version given, discovery as `<kind>s` (scope from the kind),
 * access reviews by `world.allow`, and istiod Deployments, CRDs and zipkin from the objects.
 */
function fakePrecheck(world: FakeWorld, installed: FakeCluster): PrecheckCluster {
  const allow = world.allow ?? (() => true);
  return {
    server: SERVER,
    async version() {
      const gitVersion = world.kubernetesVersion ?? 'v1.34.2';
      return { gitVersion, major: '1', minor: gitVersion.split('.')[1] };
    },
    async resolveKinds(kinds) {
      const found = new Map<string, KindResource>();
      for (const k of kinds) found.set(kindKey(k.apiVersion, k.kind), { plural: `${k.kind.toLowerCase()}s`, namespaced: !isClusterScoped(k.kind) });
      return found;
    },
    async review(permissions) {
      return permissions.filter((p) => !allow(p)).map((permission) => ({ permission, reason: '' }));
    },
    istiodDeployments: () => installed.list('apps/v1', 'Deployment', { labelSelector: 'app=istiod' }),
    crds: () => installed.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {}),
    zipkin: (namespace) => installed.get({ apiVersion: 'v1', kind: 'Service', name: 'zipkin', namespace }),
  };
}

/** Runs `mesh <argv>` in-process against a fake world; the context is built from the parsed global flags. */
export async function runWithWorld(argv: string[], world: FakeWorld = {}): Promise<{ code: number; stdout: string; stderr: string; ctx: FakeContext }> {
  let ctx: FakeContext | undefined;
  let earlyOut = '';
  let earlyErr = '';
  // Help and usage errors are printed before any command (and so any context) exists.
  const io = {
    out: (t: string) => void (ctx ? ctx.out(t) : (earlyOut += t)),
    err: (t: string) => void (ctx ? ctx.err(t) : (earlyErr += t)),
    readStdin: async () => Buffer.from(world.stdin ?? ''),
    env: world.env ?? {},
    settings: () => fakeSettings(world, new Map()),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await main(argv, io, (globals) => (ctx = fakeContext(world, globals)));
  ctx ??= fakeContext(world);
  return { code, stdout: earlyOut + ctx.stdout(), stderr: earlyErr + ctx.stderr(), ctx };
}
