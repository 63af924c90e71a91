/**
 * The bug-report archive: a gzip'd tar written as a stream through the files port. Each entry is added when it is
 * collected and then dropped, so memory holds at most the entries being collected at once, never the whole report.
 */
import type { ByteSink, Files } from '../../context.js';

/** Bytes of tar that may wait for gzip before add() waits. */
const HIGH_WATER = 4 * 1024 * 1024;

/** An archive being written. */
export interface ArchiveWriter {
  /** Adds one file (entries are written one at a time, in the order added). */
  add(name: string, data: string | Uint8Array): Promise<void>;
  /** Entries and bytes (before compression) so far. */
  readonly entries: number;
  readonly bytes: number;
  /** Ends the tar, flushes gzip and closes the file. */
  close(): Promise<void>;
}

/** Opens `path` for a `.tar.gz` whose entries sit under `root/` and carry `mtimeMs`. */
export async function openArchive(files: Pick<Files, 'openWrite'>, path: string, root: string, mtimeMs: number): Promise<ArchiveWriter> {
  const [{ default: tar }, zlib] = await Promise.all([import('tar-stream'), import('node:zlib')]);
  const sink: ByteSink = await files.openWrite(path);
  const pack = tar.pack();
  const gzip = zlib.createGzip();
  // tar-stream takes an entry whatever its reader's pace, so the writer counts what gzip has taken and waits when
  // more than HIGH_WATER bytes are queued: memory stays bounded however slowly gzip or the disk goes.
  let produced = 0;
  let consumed = 0;
  let wake: (() => void) | undefined;
  const feed = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) {
      consumed += chunk.length;
      wake?.();
      if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
    }
    gzip.end();
  })();
  // Drains gzip into the file, pausing gzip while the file catches up.
  const pump = (async () => {
    for await (const chunk of gzip) await sink.write(chunk as Buffer);
  })();
  const caughtUp = async (): Promise<void> => {
    while (produced - consumed > HIGH_WATER) await new Promise<void>((resolve) => (wake = resolve));
  };
  let queue = Promise.resolve();
  let entries = 0;
  let bytes = 0;
  const mtime = new Date(mtimeMs);
  return {
    get entries() {
      return entries;
    },
    get bytes() {
      return bytes;
    },
    add(name, data) {
      const body = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      queue = queue.then(() =>
        caughtUp().then(
          () =>
            new Promise<void>((resolve, reject) => {
              produced += 512 + Math.ceil(body.length / 512) * 512; // the header and the padded body
              pack.entry({ name: `${root}/${name}`, size: body.length, mtime, mode: 0o644 }, body, (error?: Error | null) =>
                error ? reject(error) : resolve(),
              );
            }),
        ),
      );
      entries++;
      bytes += body.length;
      return queue;
    },
    async close() {
      await queue;
      pack.finalize();
      await feed;
      await pump;
      await sink.close();
    },
  };
}
