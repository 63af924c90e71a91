/**
 * A file written as a stream (the Files port's openWrite): bug-report's archive grows chunk by chunk. The file is
 * written under a temporary name and renamed on close, so an archive is never seen half-written under its name.
 */
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ByteSink } from '../context.js';
import { InputError } from '../errors.js';

/** Opens `path` for streaming writes. */
export async function openByteSink(path: string): Promise<ByteSink> {
  const partial = `${path}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new InputError(`${dirname(path)}: cannot create the directory: ${(error as Error).message}`, { cause: error });
  }
  const stream = createWriteStream(partial);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(new InputError(`${path}: cannot write: ${error.message}`, { cause: error })));
  });
  return {
    async write(chunk) {
      if (failure) throw new InputError(`${path}: cannot write: ${failure.message}`, { cause: failure });
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
    },
    async close() {
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (failure) throw new InputError(`${path}: cannot write: ${failure.message}`, { cause: failure });
      renameSync(partial, path);
    },
  };
}
