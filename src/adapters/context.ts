/**
 * Builds the real CommandContext (src/context.ts) over the process streams: files on disk, the wall clock, a
 * terminal prompt, spinners through stderr, and a lazily connected cluster. The adapters behind each port are
 * loaded on first use, so that `mesh --help` and offline commands load none of them.
 */
import type { CliIO, Cluster, CommandContext, GlobalOptions, UserSettings } from '../context.js';
import { InputError } from '../errors.js';
import { readAsset } from './assets.js';
import { detectTerminal } from './terminal.js';
import { kubeconfigAvailable } from './kube/kubeconfig-presence.js';

/** In-process runs without a settings file: nothing to read, and nowhere to write. */
const NO_SETTINGS: UserSettings = {
  path: '',
  text: undefined,
  async save() {
    throw new InputError('no settings file in this run');
  },
};

/** The context a command runs with in a real process (or in-process CLI tests, which pass buffers as `io`). */
export function processContext(io: CliIO, globals: GlobalOptions): CommandContext {
  const terminal = { ...detectTerminal(io.env, io.stdoutIsTTY, io.stderrIsTTY), stdinIsTTY: io.stdinIsTTY === true };
  let cluster: Promise<Cluster> | undefined;
  const ctx: CommandContext = {
    globals,
    out: io.out,
    err: io.err,
    env: io.env,
    terminal,
    files: {
      async readSources(paths, options = {}) {
        const { readSources } = await import('./files.js');
        return readSources(paths, { ...options, readStdin: io.readStdin });
      },
      async readText(path) {
        const { readTextFile } = await import('./files.js');
        return readTextFile(path);
      },
      async writeAtomic(path, text) {
        const { writeTextFileAtomic } = await import('./files.js');
        writeTextFileAtomic(path, text);
      },
      async writeFiles(dir, files) {
        const { writeFilesInto } = await import('./files.js');
        return writeFilesInto(dir, files);
      },
      async openWrite(path) {
        const { openByteSink } = await import('./byte-sink.js');
        return openByteSink(path);
      },
    },
    assets: { text: readAsset },
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    prompt: {
      async confirm(question) {
        const { confirm } = await import('./prompt.js');
        return confirm(question);
      },
    },
    progress: {
      async steps() {
        const { createProgress } = await import('./progress.js');
        return createProgress(ctx);
      },
      async status(text) {
        const { createStatusLine } = await import('./progress.js');
        return createStatusLine(terminal.stderrIsTTY, text);
      },
    },
    browser: {
      async open(url, onFailure) {
        const { openBrowser } = await import('./browser.js');
        return openBrowser(url, io.env, onFailure);
      },
    },
    async interrupted() {
      const { untilInterrupted } = await import('./signals.js');
      return untilInterrupted();
    },
    cluster() {
      // One connection per command run: every port shares the loaded kubeconfig.
      cluster ??= import('./kube/cluster.js').then(({ openCluster }) => openCluster(globals, io.env));
      return cluster;
    },
    kubeconfigAvailable: () => kubeconfigAvailable(globals, io.env),
    settings: io.settings?.() ?? NO_SETTINGS,
  };
  return ctx;
}
