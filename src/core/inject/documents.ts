/**
 * kube-inject over a stream of YAML documents: workloads are injected and spliced back into their own text, so
 * every other byte (other documents, comments, separators, key order, quoting) comes out unchanged.
 */
import type { YamlDoc } from '../yaml/load.js';
import { trySplice } from '../yaml/splice.js';
import { emitYaml } from '../yaml/emit.js';
import { injectObject, type InjectMessage } from './index.js';
import type { InjectConfig } from './config.js';

/** A message tied to its document, for `file:line:col` reporting. */
export interface LocatedMessage extends InjectMessage {
  doc: YamlDoc;
}

/** The output text and what happened. */
export interface InjectStreamResult {
  /** The rewritten stream (only meaningful when there are no errors). */
  text: string;
  messages: LocatedMessage[];
  /** Number of objects injected. */
  injected: number;
  /** YAML documents that had to be re-emitted whole (their comments inside were not kept), and why; JSON ones are not listed. */
  reemitted: { doc: YamlDoc; reason: string }[];
}

/** Injects every workload in `docs`, which must be the documents of one source, in order. */
export function injectStream(docs: readonly YamlDoc[], config: InjectConfig, options: { verify?: boolean } = {}): InjectStreamResult {
  const parts: string[] = [];
  const messages: LocatedMessage[] = [];
  const reemitted: InjectStreamResult['reemitted'] = [];
  let injected = 0;
  for (const doc of docs) {
    if (doc.empty) {
      parts.push(doc.text);
      continue;
    }
    const result = injectObject(doc.value, config);
    for (const m of result.messages) messages.push({ ...m, doc });
    if (!result.changed) {
      parts.push(doc.text);
      continue;
    }
    injected += countInjected(doc.value, result.object);
    const spliced = trySplice(doc.text, doc.value, result.object, options);
    if (typeof spliced === 'string') parts.push(spliced);
    else parts.push(reemitDocument(doc, result.object, spliced.reason, reemitted));
  }
  return { text: parts.join(''), messages, injected, reemitted };
}

/**
 * A document that could not be edited in place, written anew from `value`: JSON stays JSON; a YAML one is listed in
 * `reemitted` with `reason` (its comments inside are lost, which the caller warns about).
 */
export function reemitDocument(doc: YamlDoc, value: unknown, reason: string, reemitted: InjectStreamResult['reemitted']): string {
  if (isJsonDocument(doc.text)) return reemitJson(doc.text, value);
  reemitted.push({ doc, reason });
  return reemit(doc.text, value);
}

function countInjected(before: unknown, after: unknown): number {
  const b = before as { kind?: string; items?: unknown[] };
  const a = after as { items?: unknown[] };
  if (b.kind === 'List' && Array.isArray(b.items) && Array.isArray(a.items)) return a.items.filter((x, i) => x !== b.items![i]).length;
  return 1;
}

/** A document written as JSON (the first thing in it is `{`): it is written back as JSON, not turned into YAML. */
function isJsonDocument(text: string): boolean {
  return /^(?:\s|#[^\n]*\n|---[ \t]*\n)*\{/.test(text);
}

/** JSON written back with the input's indentation (2 spaces when it had none) and its trailing newline. */
function reemitJson(text: string, value: unknown): string {
  const start = text.indexOf('{');
  const indent = /\n([ \t]+)"/.exec(text.slice(start))?.[1] ?? (text.slice(start).includes('\n') ? '  ' : '');
  const body = JSON.stringify(value, null, indent || undefined);
  return `${text.slice(0, start)}${body}${text.endsWith('\n') ? '\n' : ''}`;
}

/** A whole document written anew: its leading `---`/comment lines are kept, the rest is emitted from the value. */
function reemit(text: string, value: unknown): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (/^\s*(#.*)?$/.test(lines[i]!) || /^---\s*(#.*)?$/.test(lines[i]!))) i++;
  const head = lines.slice(0, i).join('\n');
  const trailingNewline = text.endsWith('\n') || text === '';
  const body = emitYaml(value);
  return `${head ? `${head}\n` : ''}${trailingNewline ? body : body.replace(/\n$/, '')}`;
}
