/**
 * The error contract of mesh. Every failure a user can cause is a MeshError whose subclass fixes the exit code;
 * src/cli.ts is the only place that turns errors into exit codes and messages. Anything else thrown is a bug.
 */

/** Exit codes, after BSD sysexits (as istioctl uses them). Public API: never renumber. */
export const ExitCode = {
  Ok: 0,
  /** Unexpected error: a bug in mesh. */
  Internal: 1,
  /** Bad flags or arguments. */
  Usage: 64,
  /** Input can't be read, parsed or fails its schema. */
  Data: 65,
  /** The cluster could not be reached or refused the request. */
  Unavailable: 69,
  /** The command ran fine and found issues at or above the failure threshold (analyze, validate, verify-install). */
  IssuesFound: 79,
} as const;

/** Options every MeshError takes. */
export interface MeshErrorOptions {
  /** A second line telling the user what to do about it. */
  hint?: string;
  /** The underlying error, kept for --verbose. */
  cause?: unknown;
}

/**
 * Base class: a user-facing error with a one-line message. Abstract, so that every throw picks a subclass and with it
 * an exit code; exit 1 (Internal) is left for what is not a MeshError, i.e. bugs.
 */
export abstract class MeshError extends Error {
  /** The process exit code this error maps to. */
  readonly exitCode: number = ExitCode.Internal;
  /** Optional advice, printed as `hint: ...`. */
  readonly hint?: string;
  constructor(message: string, options: MeshErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

/** Bad flags or arguments (exit 64). */
export class UsageError extends MeshError {
  override readonly exitCode: number = ExitCode.Usage;
}

/** Input that can't be read or parsed (exit 65). Message should start with `file:line:col:` when known. */
export class InputError extends MeshError {
  override readonly exitCode: number = ExitCode.Data;
}

/** Cluster unreachable, unauthorized, forbidden or missing CRDs (exit 69). */
export class ClusterError extends MeshError {
  override readonly exitCode: number = ExitCode.Unavailable;
}

/** Formats a location prefix `file:line:col` (1-based line and column; parts that are unknown are left out). */
export function formatLocation(file: string, line?: number, col?: number): string {
  if (line === undefined) return file;
  return col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
}
