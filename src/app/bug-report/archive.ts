/**
 * The bug-report archive: a gzip'd tar written as a stream through the files port. Each entry is added when it is
 * collected and then dropped, so memory holds at most the entries being collected at once, never the whole report.
 */
import type { ByteSink, Files } from '../../context.js';

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
  pack.pipe(gzip);
  // Drains gzip into the file; iteration pauses gzip (and through the pipe, tar) while the file catches up.
  const pump = (async () => {
    for await (const chunk of gzip) await sink.write(chunk as Buffer);
  })();
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
      queue = queue.then(
        () =>
          new Promise<void>((resolve, reject) => {
            pack.entry({ name: `${root}/${name}`, size: body.length, mtime, mode: 0o644 }, body, (error?: Error | null) => (error ? reject(error) : resolve()));
          }),
      );
      entries++;
      bytes += body.length;
      return queue;
    },
    async close() {
      await queue;
      pack.finalize();
      await pump;
      await sink.close();
    },
  };
}
