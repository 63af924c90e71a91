/**
 * The analyzer contract (STYLE.md §6): an analyzer declares what it reads and reports, and talks only to an
 * AnalysisContext built over a point-in-time snapshot. It never fetches anything itself.
 */
import type { MessageCode } from '../model/messages.js';
import type { Kind, Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';

// The resource types and rendered messages are the shared model's; analyzers and the commands name them through here too.
export type { AnalysisMessage } from '../model/messages.js';
export type { Kind, Origin, Resource, SchemaProblem } from '../model/resource.js';

/** A path to a field inside an object, e.g. ['spec', 'http', 0, 'route', 1, 'destination', 'host']. */
export type FieldPath = readonly (string | number)[];

/** A finding, as analyzers report it (rendering and filtering happen later). */
export interface Finding {
  code: MessageCode;
  /** The template arguments, in order. */
  args: readonly unknown[];
  /** The resource the finding is about. */
  resource: Resource;
  /** The field the finding points at (or a line already known), for a precise line; the resource's first line otherwise. */
  field?: FieldPath | { line: number };
  /** Name of the analyzer that reported it. */
  analyzer: string;
}

/** What an analyzer sees: the snapshot, and where to report what it finds. */
export interface AnalysisContext extends SnapshotView {
  /** Records a finding about `resource`, pointing at `field` (or at a known line) when given. */
  report(resource: Resource, code: MessageCode, args: readonly unknown[], field?: FieldPath | { line: number }): void;
}

/** What an analyzer declares about itself. Names, codes and descriptions are public API. */
export interface AnalyzerMeta {
  /** `area.PascalName`, as istioctl names its analyzers, so `--analyzer` values carry over. */
  name: string;
  /** One sentence for `mesh analyze -L`. */
  description: string;
  /** Every kind the analyzer reads (checked by test against what it actually reads). */
  inputs: readonly Kind[];
  /** Every message code it may report. */
  codes: readonly MessageCode[];
  /** Runs only when named with `--analyzer` (too noisy by default), as istioctl keeps some out of its default set. */
  optIn?: boolean;
  /** Reads the schema problems of file objects (`ctx.schemaProblems`): the snapshot must carry them (validate runs first). */
  readsSchemaProblems?: boolean;
}

/** A plug-in unit of analysis. */
export interface Analyzer {
  meta: AnalyzerMeta;
  analyze(ctx: AnalysisContext): void;
}
