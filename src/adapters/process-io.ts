/** The real process streams, as the CLI's CliIO (tests pass buffers instead). */
import type { CliIO, UserSettings } from '../context.js';
import { readUserSettings } from './settings.js';

/** stdout, stderr, stdin and the environment of this process. */
export function processIO(): CliIO {
  let settings: UserSettings | undefined;
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    readStdin: readProcessStdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    settings: () => (settings ??= readUserSettings(process.env)),
  };
}

async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
