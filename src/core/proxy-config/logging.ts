/**
 * `proxy-config log`: Envoy's logger levels. Envoy answers POST /logging with `active loggers:` and one
 * `  name: level` line per logger; `?level=debug` sets all, `?http=debug` one. This module reads that answer and
 * turns `--level`/`--reset` into the requests to send, rejecting unknown levels and loggers before anything changes.
 */
import { UsageError } from '../../errors.js';

/** Levels Envoy knows, in increasing severity; `warn` is accepted as `warning`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warning', 'error', 'critical', 'off'] as const;

/** Envoy's default level, which `--reset` restores when the injector configuration names none. */
export const DEFAULT_LOG_LEVEL = 'warning';

/** Logger name → level, in Envoy's order, from a /logging answer. */
export function parseLoggers(text: string): Record<string, string> {
  const loggers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s+([\w.:-]+):\s*(\w+)\s*$/.exec(line);
    if (m) loggers[m[1]!] = m[2]!;
  }
  return loggers;
}

function level(name: string): string {
  const l = name.trim().toLowerCase();
  if (l === 'warn') return 'warning';
  if (!(LOG_LEVELS as readonly string[]).includes(l)) throw new UsageError(`unrecognized logging level "${name}" (use one of ${LOG_LEVELS.join(', ')})`);
  return l;
}

/**
 * The query strings to POST to /logging, in order: the level of all loggers first, then single loggers.
 * `spec` is `--level` (`debug`, or `http:debug,rbac=info`, a `ns::` prefix allowed); `known` are the proxy's loggers.
 */
export function planLogChanges(spec: string | undefined, reset: boolean, known: readonly string[], resetLevel = DEFAULT_LOG_LEVEL): string[] {
  if (reset && spec) throw new UsageError('--level cannot be combined with --reset');
  if (reset) return [`level=${level(resetLevel)}`];
  if (!spec) return [];
  let all: string | undefined;
  const single = new Map<string, string>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const bare = part.split('::').pop()!;
    const sep = bare.search(/[:=]/);
    if (sep < 0) {
      all = level(bare);
      continue;
    }
    const logger = bare.slice(0, sep);
    const lvl = level(bare.slice(sep + 1));
    if (logger === 'level') all = lvl;
    else if (known.length && !known.includes(logger))
      throw new UsageError(`unrecognized logger name "${logger}" (run \`mesh proxy-config log <pod>\` to list the proxy's loggers)`);
    else single.set(logger, lvl);
  }
  return [...(all ? [`level=${all}`] : []), ...[...single].map(([l, v]) => `${l}=${v}`)];
}
