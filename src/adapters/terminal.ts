/** Decides once whether colour and spinners are allowed, from the streams and the environment. */
import type { TerminalInfo } from '../context.js';

/** Colour only on a TTY whose TERM is not `dumb`, never with NO_COLOR set (any value), forced with FORCE_COLOR. */
export function detectTerminal(env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean, stderrIsTTY: boolean): TerminalInfo {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const dumb = env.TERM === 'dumb';
  const allowed = (tty: boolean): boolean => !noColor && (force || (tty && !dumb));
  return { stdoutIsTTY, stderrIsTTY, color: allowed(stdoutIsTTY), colorErr: allowed(stderrIsTTY) };
}
