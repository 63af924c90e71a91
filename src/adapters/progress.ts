/**
 * Renders install/uninstall progress: an ora spinner on a TTY stderr, plain lines otherwise (CI logs stay
 * readable: one line per finished component, one per distinct wait, no control characters).
 */
import type { CommandContext, Progress, StatusLine } from '../context.js';
import { painter } from '../render/paint.js';

/** Creates the progress renderer for a command's stderr. */
export async function createProgress(ctx: Pick<CommandContext, 'err' | 'terminal'>): Promise<Progress> {
  const paint = painter(ctx.terminal, 'stderr');
  const ok = paint('✔', 'success');
  const bad = paint('✘', 'failure');
  const warnMark = paint('!', 'warning');
  if (ctx.terminal.stderrIsTTY) {
    const { default: ora } = await import('ora');
    const spinner = ora({ stream: process.stderr, color: 'cyan' });
    let title = '';
    const above = (line: string): void => {
      const running = spinner.isSpinning;
      if (running) spinner.stop();
      ctx.err(`${line}\n`);
      if (running) spinner.start();
    };
    return {
      start(t) {
        title = t;
        spinner.start(`${t}: starting`);
      },
      update(text) {
        spinner.text = title ? `${title}: ${text}` : text;
      },
      succeed(text) {
        spinner.stopAndPersist({ symbol: ok, text });
      },
      fail(text) {
        spinner.stopAndPersist({ symbol: bad, text });
      },
      warn(text) {
        above(`${warnMark} warning: ${text}`);
      },
      info(text) {
        above(`  ${text}`);
      },
      stop() {
        if (spinner.isSpinning) spinner.stop();
      },
    };
  }
  let title = '';
  let lastWait = '';
  return {
    start(t) {
      title = t;
      lastWait = '';
    },
    update(text) {
      // Only waits are worth a line in a log, and only when they move on to another object.
      if (!text.startsWith('waiting')) return;
      const key = text.replace(/ \(.*$/, '');
      if (key === lastWait) return;
      lastWait = key;
      ctx.err(`  ${title ? `${title}: ` : ''}${text}\n`);
    },
    succeed(text) {
      ctx.err(`${ok} ${text}\n`);
    },
    fail(text) {
      ctx.err(`${bad} ${text}\n`);
    },
    warn(text) {
      ctx.err(`${warnMark} warning: ${text}\n`);
    },
    info(text) {
      ctx.err(`  ${text}\n`);
    },
    stop() {},
  };
}

/** A status line on a terminal's stderr while something slow runs (ora), or nothing when stderr is not a TTY. */
export async function createStatusLine(enabled: boolean, text: string): Promise<StatusLine> {
  if (!enabled) return { update() {}, stop() {} };
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr }).start();
  return { update: (t) => void (spinner.text = t), stop: () => void spinner.stop() };
}
