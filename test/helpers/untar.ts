/** Reads a .tar.gz held in memory into name → text (tests of bug-report's archive). */
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

/** The entries of a gzip'd tar, in archive order. */
export async function untar(bytes: Buffer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out.set(header.name, Buffer.concat(chunks).toString('utf8'));
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.end(gunzipSync(bytes));
  await done;
  return out;
}
