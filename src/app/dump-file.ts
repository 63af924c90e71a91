/**
 * "Read a saved config dump given with --file" for proxy-config and ztunnel-config: `-` is stdin, and a missing or
 * unreadable file is one InputError naming it, in a dump's words (the files port words its errors for YAML inputs).
 */
import type { CommandContext } from '../context.js';
import { InputError } from '../errors.js';

/** What a failed read of a dump says, by the errno the files port kept as the error's cause. */
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, expected a JSON file',
  EACCES: 'permission denied',
};

/** Reads `--file` (`-` is stdin) through the files port. */
export async function readDumpFile(ctx: Pick<CommandContext, 'files'>, file: string): Promise<{ text: string; origin: string }> {
  if (file === '-') {
    const [source] = await ctx.files.readSources(['-']);
    return { text: source?.text ?? '', origin: '<stdin>' };
  }
  try {
    return { text: await ctx.files.readText(file), origin: file };
  } catch (error) {
    const code = error instanceof InputError ? (error.cause as NodeJS.ErrnoException | undefined)?.code : undefined;
    const why = code === undefined ? undefined : FILE_PROBLEMS[code];
    if (why === undefined) throw error;
    throw new InputError(`${file}: ${why}`, { cause: error });
  }
}
