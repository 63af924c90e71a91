/**
 * Runs analyzers over a snapshot and turns their findings into messages: rendered text, location, and the
 * filters istioctl applies (namespace scope, suppression annotation, `-S`). Thresholds are the caller's.
 */
import { createContext } from './context.js';
import { findingLocation } from './location.js';
import { MESSAGES, atLeast, formatMessage, type Level } from '../model/messages.js';
import type { Snapshot } from '../model/snapshot.js';
import { isSuppressed, type Suppression } from './suppress.js';
import type { AnalysisMessage, Analyzer, Finding, Resource } from './types.js';
import { compareStrings } from '../tree.js';

/** What to run and what to keep. */
export interface RunOptions {
  analyzers: readonly Analyzer[];
  /**
   * Namespaces whose cluster resources are reported; undefined means all (`-A`). Resources read from files are
   * always reported (you named them), and cluster-scoped ones too.
   */
  namespaces?: ReadonlySet<string>;
  suppressions: readonly Suppression[];
  /**
   * Messages below this level are not shown (`--output-threshold`), so their file and line are not looked up:
   * finding a field's line is the costly part of a finding. Undefined locates every message.
   */
  outputThreshold?: Level;
}

/** Messages, sorted (files by path and line, then cluster resources) and without duplicates. */
export interface RunResult {
  messages: AnalysisMessage[];
  /** Names of the analyzers that ran. */
  executed: string[];
}

/** Runs every analyzer and returns the filtered, located, sorted messages. */
export function runAnalyzers(snapshot: Snapshot, options: RunOptions): RunResult {
  const findings: Finding[] = [];
  for (const analyzer of options.analyzers) {
    analyzer.analyze(createContext(snapshot, analyzer.meta.name, (f) => findings.push(f)));
  }
  const seen = new Set<string>();
  const messages: AnalysisMessage[] = [];
  for (const f of findings) {
    if (!inScope(f.resource, options.namespaces)) continue;
    if (isSuppressed(f.code, f.resource, options.suppressions)) continue;
    const m = toMessage(f, !options.outputThreshold || atLeast(MESSAGES[f.code].level, options.outputThreshold));
    const key = `${m.code}\u0000${m.origin}\u0000${m.line}\u0000${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(m);
  }
  messages.sort(compareMessages);
  return { messages, executed: options.analyzers.map((a) => a.meta.name) };
}

function inScope(r: Resource, namespaces: ReadonlySet<string> | undefined): boolean {
  // The stand-ins mesh adds for a missing cluster are not the user's: never report on them.
  if (r.origin.type === 'default') return false;
  if (!namespaces || r.origin.type === 'file') return true;
  const ns = r.kind === 'Namespace' ? r.name : r.namespace;
  return ns === '' || namespaces.has(ns);
}

/** `Kind namespace/name`, or `Kind name` for cluster-scoped resources (istioctl's "origin"). */
export function friendlyName(r: Resource): string {
  return r.namespace ? `${r.object.kind} ${r.namespace}/${r.name}` : `${r.object.kind} ${r.name}`;
}

function toMessage(f: Finding, located: boolean): AnalysisMessage {
  const type = MESSAGES[f.code];
  const loc = located ? findingLocation(f.resource, f.field) : undefined;
  const m: AnalysisMessage = {
    code: f.code,
    level: type.level,
    name: type.name,
    message: formatMessage(f.code, f.args),
    origin: friendlyName(f.resource),
    resource: { kind: f.resource.object.kind, namespace: f.resource.namespace, name: f.resource.name, apiVersion: f.resource.object.apiVersion },
    analyzer: f.analyzer,
  };
  if (loc) {
    m.file = loc.file;
    m.line = loc.line;
  }
  return m;
}

function compareMessages(a: AnalysisMessage, b: AnalysisMessage): number {
  if ((a.file === undefined) !== (b.file === undefined)) return a.file === undefined ? 1 : -1;
  return (
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareStrings(a.origin ?? '', b.origin ?? '') ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}
