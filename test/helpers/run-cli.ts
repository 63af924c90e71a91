/** Runs the CLI in-process with buffers for stdout and stderr: argv in; output and exit code out. */
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mesh <argv>` with optional stdin and environment; no TTY, so no colour or spinners. */
export async function runCli(argv: string[], options: { stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
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
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
