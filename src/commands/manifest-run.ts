/** The work behind `mesh manifest generate|diff` and the -f reading that `profile dump` shares. Loaded lazily. */
import type { CommandContext } from '../context.js';
import type { ManifestGenerateOptions } from './manifest.js';
import type { GenerateResult, OverlaySource } from '../core/manifest/types.js';
import { ExitCode } from '../errors.js';

/** Reads -f overlays (skipping empty documents) for the resolver. */
export async function readOverlays(ctx: CommandContext, paths: readonly string[] | undefined): Promise<OverlaySource[]> {
  if (!paths?.length) return [];
  const { readDocuments } = await import('../adapters/files.js');
  return (await readDocuments(paths, { readStdin: ctx.readStdin })).filter((d) => !d.empty);
}

/** Runs generateManifests; overlay errors get `file:line:col`. */
export async function generate(files: OverlaySource[], sets: string[], revision?: string): Promise<GenerateResult> {
  const [{ generateManifests, injectionTemplates }, { readAsset }] = await Promise.all([import('../core/manifest/index.js'), import('../adapters/assets.js')]);
  try {
    return generateManifests({ files, sets, ...(revision !== undefined ? { revision } : {}), templates: injectionTemplates(readAsset) });
  } catch (error) {
    const { overlayErrorWithLocation } = await import('../core/manifest/overlay-location.js');
    throw await overlayErrorWithLocation(error);
  }
}

/** `manifest generate`: YAML to stdout, or one file per component with -o. */
export async function runManifestGenerate(ctx: CommandContext, opts: ManifestGenerateOptions): Promise<number> {
  const result = await generate(await readOverlays(ctx, opts.filename), opts.set ?? [], opts.revision);
  const { renderManifest, splitByComponent } = await import('../core/manifest/output.js');
  if (!opts.output) {
    ctx.out(renderManifest(result.objects));
    return ExitCode.Ok;
  }
  const { writeComponentFiles } = await import('../adapters/manifest-files.js');
  const written = await writeComponentFiles(opts.output, splitByComponent(result.objects));
  for (const file of written) ctx.err(`wrote ${file}\n`);
  return ExitCode.Ok;
}

/** `manifest diff a b`: per-object unified diffs; 79 when anything differs. */
export async function runManifestDiff(ctx: CommandContext, a: string, b: string, output: 'text' | 'json' | 'yaml' = 'text'): Promise<number> {
  const [{ readDocuments }, { diffManifests }, { renderManifestDiff, unifiedDiff }] = await Promise.all([import('../adapters/files.js'), import('../core/manifest/diff.js'), import('../render/diff.js')]);
  const read = async (p: string) => (await readDocuments([p], { readStdin: ctx.readStdin })).filter((d) => !d.empty);
  const report = diffManifests(await read(a), await read(b));
  const label = (p: string) => (p === '-' ? '<stdin>' : p);
  if (output === 'text') {
    ctx.out(renderManifestDiff(report, { a: label(a), b: label(b), color: ctx.terminal.color }));
  } else {
    // Data for pipelines: ids of removed and added objects, and each changed object's unified diff (not both YAMLs).
    const changedObjects = report.changed.map((c) => ({ id: c.id, diff: unifiedDiff(c.a, c.b, `${label(a)} ${c.id}`, `${label(b)} ${c.id}`, false) }));
    const { renderData } = await import('../render/format.js');
    ctx.out(renderData({ onlyInA: report.onlyInA, onlyInB: report.onlyInB, changed: changedObjects, same: report.same }, output));
  }
  const changed = report.onlyInA.length + report.onlyInB.length + report.changed.length;
  ctx.err(changed ? `${changed} object(s) differ (${report.same} identical)\n` : `✔ manifests are the same (${report.same} objects)\n`);
  return changed ? ExitCode.IssuesFound : ExitCode.Ok;
}
