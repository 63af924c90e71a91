/** Runs the CLI in-process with buffers for stdout and stderr: argv in; output and exit code out. */
import { main } from '../../src/cli.js';
import { processContext } from '../../src/adapters/context.js';
import type { CliIO } from '../../src/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mesh <argv>` with optional stdin and environment; no TTY, so no colour or spinners. With `now` (an ISO time),
 * the real context runs with its clock stopped there (certificate validity in goldens must not depend on the day).
 */
export async function runCli(argv: string[], options: { stdin?: string | Buffer; env?: Record<string, string>; now?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    readStdin: async () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? Buffer.alloc(0))),
    env: { ...options.env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const now = options.now;
  const code =
    now === undefined
      ? await main(argv, io)
      : await main(argv, io, (globals) => ({ ...processContext(io, globals), clock: { now: () => Date.parse(now), sleep: async () => {} } }));
  return { code, stdout, stderr };
}
