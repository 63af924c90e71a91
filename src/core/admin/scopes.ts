/**
 * istiod's log scopes as its ControlZ port (9876) serves them: `GET /scopej/` lists every scope, `PUT /scopej/<scope>`
 * with a JSON ScopeInfo changes one (202 Accepted). Pure: parsing the list, checking `--level` and
 * `--stack-trace-level` pairs, and the changes `admin log` sends, the way istioctl's admin package builds them.
 */
import { UsageError } from '../../errors.js';
import { compareStrings } from '../tree.js';

/** The levels ControlZ accepts for a scope's output and its stack traces. */
export const SCOPE_LEVELS = ['none', 'error', 'warn', 'info', 'debug'] as const;

/** One scope as ControlZ lists it. */
export interface ScopeInfo {
  name: string;
  description: string;
  /** Level of the scope's log output. */
  output_level: string;
  /** From which level on a log line carries a stack trace. */
  stack_trace_level: string;
}

/** One change: the JSON body of `PUT /scopej/<name>` (fields left out are not changed by ControlZ). */
export interface ScopeChange {
  name: string;
  output_level?: string;
  stack_trace_level?: string;
}

/** What `admin log` was asked to change. */
export interface ScopeChangeRequest {
  /** `--level scope:level,...`. */
  level?: string;
  /** `--stack-trace-level scope:level,...`. */
  stackTraceLevel?: string;
  /** `--reset`: every scope back to info, stack traces to none. */
  reset?: boolean;
  /** `--log-reset`: every scope's output back to info. */
  logReset?: boolean;
  /** `--stack-trace-reset`: every scope's stack traces back to none. */
  stackTraceReset?: boolean;
}

/** Parses ControlZ's `/scopej/` answer; undefined when it is not a list of scopes (not ControlZ on that port). */
export function parseScopes(body: string): ScopeInfo[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  const scopes: ScopeInfo[] = [];
  for (const item of list as unknown[]) {
    if (!item || typeof item !== 'object' || typeof (item as { name?: unknown }).name !== 'string') return undefined;
    const s = item as Record<string, unknown>;
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    scopes.push({ name: s.name as string, description: text(s.description), output_level: text(s.output_level), stack_trace_level: text(s.stack_trace_level) });
  }
  return scopes.sort((a, b) => compareStrings(a.name, b.name));
}

/** Splits `scope:level,scope:level` (the flag named in errors); each level must be one ControlZ knows. */
export function parseScopeLevels(text: string, flag: string): { scope: string; level: string }[] {
  return text.split(',').map((pair) => {
    const m = /^([\w\- ]+):(\w+)$/.exec(pair.trim());
    if (!m) throw new UsageError(`${flag}: "${pair}" is not <scope>:<level>`);
    if (!(SCOPE_LEVELS as readonly string[]).includes(m[2]!)) throw new UsageError(`${flag}: "${m[2]}" is not a level (${SCOPE_LEVELS.join(', ')})`);
    return { scope: m[1]!.trim(), level: m[2]! };
  });
}

/**
 * The PUT bodies for a request, against the scopes istiod has: resets touch every scope; `--level` and
 * `--stack-trace-level` name scopes, each of which must exist (checked before anything is sent, so a typo changes
 * nothing). A scope named by both flags gets one change carrying both levels.
 */
export function planScopeChanges(request: ScopeChangeRequest, scopes: readonly ScopeInfo[]): ScopeChange[] {
  if ((request.reset || request.logReset) && request.level) throw new UsageError('--level cannot be combined with --reset or --log-reset');
  if ((request.reset || request.stackTraceReset) && request.stackTraceLevel)
    throw new UsageError('--stack-trace-level cannot be combined with --reset or --stack-trace-reset');
  const resetOutput = request.reset || request.logReset;
  const resetStack = request.reset || request.stackTraceReset;
  if (resetOutput || resetStack) {
    return scopes.map((s) => ({ name: s.name, ...(resetOutput ? { output_level: 'info' } : {}), ...(resetStack ? { stack_trace_level: 'none' } : {}) }));
  }
  const known = new Set(scopes.map((s) => s.name));
  const changes = new Map<string, ScopeChange>();
  const add = (text: string | undefined, flag: string, field: 'output_level' | 'stack_trace_level'): void => {
    for (const { scope, level } of text ? parseScopeLevels(text, flag) : []) {
      if (!known.has(scope)) throw new UsageError(`${flag}: istiod has no scope "${scope}" (\`mesh admin log\` lists them)`);
      changes.set(scope, { ...(changes.get(scope) ?? { name: scope }), [field]: level });
    }
  };
  add(request.level, '--level', 'output_level');
  add(request.stackTraceLevel, '--stack-trace-level', 'stack_trace_level');
  return [...changes.values()];
}

/** One row of the listing, under the field names of istioctl's `-o json`. */
export interface ScopeRow {
  scope_name: string;
  log_level: string;
  stack_trace_level: string;
  description: string;
}

/** The listing's rows, by scope name. */
export function scopeRows(scopes: readonly ScopeInfo[]): ScopeRow[] {
  return scopes.map((s) => ({ scope_name: s.name, log_level: s.output_level, stack_trace_level: s.stack_trace_level, description: s.description }));
}
