/**
 * Runs bug-report's collection tasks: at most `concurrency` at once, each written to the archive as soon as it is
 * done (redacted), none started after the deadline or the interrupt, and every task that gave nothing recorded with
 * its reason. Progress goes to a status line (a bar on a terminal).
 */
import type { Clock, StatusLine } from '../../context.js';
import type { ArchiveWriter } from './archive.js';
import { redact } from '../../core/bug-report/redact.js';

/** One thing to collect into one archive entry. */
export interface CollectTask {
  /** Archive path, e.g. `proxies/shop/web-1/istio-proxy.log`. */
  path: string;
  /** Produces the text, or a byte stream (logs), of the entry. Throws (a ClusterError) when it cannot. */
  fetch(): Promise<string | AsyncIterable<Uint8Array>>;
}

/** Something the report does not hold, and why. */
export interface LeftOut {
  /** What was not collected: an archive path, or a description (`Pods in namespace shop`). */
  what: string;
  /** Why, in one line. */
  reason: string;
}

/** How the collection ran. */
export interface CollectOutcome {
  collected: number;
  leftOut: LeftOut[];
  /** Values redacted across all entries. */
  redactions: number;
  /** Entries cut at the size limit. */
  truncated: string[];
  /** The signal that stopped the collection early, if any. */
  interrupted?: string;
  /** True when the deadline passed before every task ran. */
  timedOut: boolean;
}

/** Collection settings. */
export interface CollectOptions {
  concurrency: number;
  /** Absolute deadline on the clock. */
  deadline: number;
  /** Bytes an entry may have; the rest is cut (a log is held whole while it is read, so this bounds memory). */
  maxEntryBytes: number;
  clock: Clock;
  status: StatusLine;
  /** Resolves when the user interrupts. */
  interrupted: Promise<string>;
  /** Renders the status line text from done/total. */
  bar: (done: number, total: number) => string;
}

/** Reads a stream up to `limit` bytes, and not past the deadline (a log is read to its end, never followed). */
async function readAll(source: AsyncIterable<Uint8Array>, limit: number, late: () => boolean): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const room = limit - size;
    if (chunk.byteLength >= room || late()) {
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(room, chunk.byteLength)));
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(Buffer.from(chunk));
    size += chunk.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** Runs `tasks` into `archive`; never throws for a task's failure (that becomes a LeftOut). */
export async function collect(tasks: readonly CollectTask[], archive: ArchiveWriter, options: CollectOptions): Promise<CollectOutcome> {
  const outcome: CollectOutcome = { collected: 0, leftOut: [], redactions: 0, truncated: [], timedOut: false };
  let stop: string | undefined;
  // Racing each task against the interrupt promise itself would leak: a promise that never settles keeps every
  // race (and so every collected text) reachable. Each task registers a callback instead and removes it when done.
  const onStop = new Set<() => void>();
  void options.interrupted.then((signal) => {
    stop = signal;
    outcome.interrupted = signal;
    for (const f of onStop) f();
  });
  const unlessStopped = <T>(work: Promise<T>): Promise<T | undefined> =>
    new Promise<T | undefined>((resolve, reject) => {
      const cancel = () => resolve(undefined);
      onStop.add(cancel);
      work.then(
        (v) => (onStop.delete(cancel), resolve(v)),
        (e: unknown) => (onStop.delete(cancel), reject(e)),
      );
    });
  let next = 0;
  let done = 0;
  const tick = () => options.status.update(options.bar(done, tasks.length));
  tick();

  const late = () => options.clock.now() >= options.deadline;
  const one = async (task: CollectTask): Promise<void> => {
    try {
      const work = (async () => {
        const got = await task.fetch();
        return typeof got === 'string' ? { text: got, truncated: false } : readAll(got, options.maxEntryBytes, late);
      })();
      // Requests end by themselves (each has its own timeout, logs are not followed); only an interrupt cuts one short.
      const result = stop ? undefined : await unlessStopped(work);
      if (result === undefined) {
        work.catch(() => {}); // settles after we stopped waiting; nothing more to do with it
        outcome.leftOut.push({ what: task.path, reason: `not finished when interrupted (${stop})` });
        return;
      }
      const clean = redact(result.text);
      outcome.redactions += clean.count;
      if (result.truncated) outcome.truncated.push(task.path);
      await archive.add(task.path, clean.text);
      outcome.collected++;
    } catch (error) {
      outcome.leftOut.push({ what: task.path, reason: String((error as Error).message ?? error).split('\n')[0]! });
    } finally {
      done++;
      tick();
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (stop || next >= tasks.length) return;
      if (late()) {
        outcome.timedOut = true;
        return;
      }
      await one(tasks[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, tasks.length)) }, worker));
  for (const task of tasks.slice(next)) {
    outcome.leftOut.push({ what: task.path, reason: stop ? `not started: interrupted (${stop})` : 'not started: --timeout reached' });
  }
  return outcome;
}
