/**
 * Reads the inputs named with `-f`: files, directories (optionally recursive) and `-` for stdin, in the order given.
 * Directory entries are read in sorted order so that output is deterministic.
 */
// Synchronous reads on purpose: a CLI reads its inputs one after another anyway, and node:fs/promises costs
// ~15 ms of start-up to load.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync, type Dirent, type Stats, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../core/yaml/decode.js';
import type { ReadOptions as PortReadOptions, SourceText } from '../context.js';

/** How to read inputs: the port's options plus where standard input comes from. */
export interface ReadOptions extends PortReadOptions {
  /** Reads standard input (for `-`). */
  readStdin: () => Promise<Buffer>;
}

const DEFAULT_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Reads every input into text, in order. Throws InputError for missing, unreadable, binary or non-UTF-8 input. */
export async function readSources(paths: readonly string[], options: ReadOptions): Promise<SourceText[]> {
  const out: SourceText[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw new InputError('-f - (stdin) may be given only once');
      stdinUsed = true;
      out.push({ origin: '<stdin>', text: decodeText(await options.readStdin(), '<stdin>') });
      continue;
    }
    let info: Stats;
    try {
      info = statSync(path);
    } catch (error) {
      throw new InputError(`${path}: ${describeFsError(error as NodeJS.ErrnoException)}`, { cause: error });
    }
    if (info.isDirectory()) {
      for (const file of await listDirectory(path, options.recursive === true, options.extensions ?? DEFAULT_EXTENSIONS)) {
        out.push({ origin: file, text: await readTextFile(file) });
      }
    } else {
      out.push({ origin: path, text: await readTextFile(path) });
    }
  }
  return out;
}

/** Reads one file as UTF-8 text. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error as NodeJS.ErrnoException)}`, { cause: error });
  }
  return decodeText(bytes, path);
}

async function listDirectory(dir: string, recursive: boolean, extensions: readonly string[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`${dir}: ${describeFsError(error as NodeJS.ErrnoException)}`, { cause: error });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) files.push(...(await listDirectory(full, recursive, extensions)));
    } else if (extensions.some((ext) => entry.name.endsWith(ext))) {
      files.push(full);
    }
  }
  return files;
}

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error.message;
  }
}

/**
 * Writes `text` to `path` through a temporary file in the same directory renamed over it, so the file is never left
 * empty or half-written (it may be the input being rewritten in place).
 */
export function writeTextFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.mesh-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Creates `dir` (and parents) and writes each file into it atomically; returns the paths written, in order. */
export function writeFilesInto(dir: string, files: readonly { name: string; text: string; executable?: boolean }[]): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`${dir}: cannot create the directory: ${describeFsError(error as NodeJS.ErrnoException)}`, { cause: error });
  }
  return files.map((file) => {
    const path = join(dir, file.name);
    writeTextFileAtomic(path, file.text);
    if (file.executable) chmodSync(path, 0o755);
    return path;
  });
}
