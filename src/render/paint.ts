/**
 * The one painter: every coloured glyph, table cell and diff line mesh prints goes through `paint`. Styles are
 * named by role, not by colour, so that a role's look is decided here once. Whether to paint at all is the
 * caller's TerminalInfo (`color` for stdout, `colorErr` for stderr), which already honours NO_COLOR, TERM=dumb
 * and FORCE_COLOR (src/adapters/terminal.ts).
 */
import type { TerminalInfo } from '../context.js';

/** What a painted piece of text is. */
export type Style =
  /** ✔ after a finished step. */
  | 'success'
  /** ✘ after a failed step. */
  | 'failure'
  /** ! before a warning. */
  | 'warning'
  /** A table cell for a state that is late (proxy-status STALE). */
  | 'late'
  /** A table cell for a state that is broken (proxy-status ERROR). */
  | 'broken'
  /** A table cell that matters little (NOT SENT, IGNORED). */
  | 'faint'
  /** Diff file headers (`---`, `+++`). */
  | 'diffHeader'
  /** Added diff lines and objects. */
  | 'added'
  /** Removed diff lines and objects. */
  | 'removed'
  /** Changed objects (`~ Kind ns/name`). */
  | 'changed'
  /** Diff hunk headers (`@@`). */
  | 'hunk'
  /** The level word of an Error finding in analyze's log format (istioctl's bold red). */
  | 'errorLevel'
  /** The level word of a Warning finding in analyze's log format. */
  | 'warningLevel';

// [open, close] SGR parameters. Marks close only the colour (39), as chalk did for them; table cells and diff lines
// reset everything (0), as istioctl's fatih/color does. Kept apart so today's bytes stay the same.
const SGR: Record<Style, readonly [string, string]> = {
  success: ['32', '39'],
  failure: ['31', '39'],
  warning: ['33', '39'],
  late: ['33', '0'],
  broken: ['31', '0'],
  faint: ['2', '0'],
  diffHeader: ['1', '0'],
  added: ['32', '0'],
  removed: ['31', '0'],
  changed: ['33', '0'],
  hunk: ['36', '0'],
  errorLevel: ['1;31', '0'],
  warningLevel: ['33', '0'],
};

/** `text` in `style` when `enabled`, else `text` unchanged. */
export function paint(text: string, style: Style, enabled: boolean): string {
  if (!enabled) return text;
  const [open, close] = SGR[style];
  return `\x1b[${open}m${text}\x1b[${close}m`;
}

/** A painter bound to one stream's permission: `stdout` tables and diffs, or `stderr` marks and messages. */
export function painter(terminal: Pick<TerminalInfo, 'color' | 'colorErr'>, stream: 'stdout' | 'stderr'): (text: string, style: Style) => string {
  const enabled = stream === 'stdout' ? terminal.color : terminal.colorErr;
  return (text, style) => paint(text, style, enabled);
}
