/** The bodies of `mesh manifest generate|diff`, loaded lazily by ./index.ts. */
import type { CommandContext } from '../../context.js';
import type { ManifestDiffOptions, ManifestGenerateOptions } from './flags.js';
import type { YamlDoc } from '../../core/yaml/load.js';
import { ExitCode } from '../../errors.js';
import { generate, readOverlays } from '../../app/render-install.js';

/** `manifest generate`: YAML to stdout, or one file per component with -o. */
export async function runManifestGenerate(ctx: CommandContext, opts: ManifestGenerateOptions): Promise<number> {
  // --force (istioctl's): schema problems of the overlays become warnings and the overlays are rendered as written.
  const onInvalid = opts.force ? (problem: string) => ctx.err(`warning: ${problem} (rendering anyway: --force)\n`) : undefined;
  const result = await generate(ctx, await readOverlays(ctx, opts.filename), opts.set ?? [], opts.revision, onInvalid);
  const { renderManifest, splitByComponent } = await import('../../core/manifest/output.js');
  if (!opts.output) {
    ctx.out(renderManifest(result.objects));
    return ExitCode.Ok;
  }
  const { emitYaml } = await import('../../core/yaml/emit.js');
  const files = splitByComponent(result.objects).map((g) => ({ name: `${g.component}.yaml`, text: g.objects.map((o) => emitYaml(o)).join('---\n') }));
  for (const file of await ctx.files.writeFiles(opts.output, files)) ctx.err(`wrote ${file}\n`);
  return ExitCode.Ok;
}

/** `manifest diff a b`: per-object unified diffs; 79 when anything differs. */
export async function runManifestDiff(ctx: CommandContext, a: string, b: string, output: ManifestDiffOptions['output'] = 'text'): Promise<number> {
  const [{ loadDocuments }, { diffManifests }, { renderManifestDiff, unifiedDiff }] = await Promise.all([
    import('../../core/yaml/load.js'),
    import('../../core/manifest/diff.js'),
    import('../../render/diff.js'),
  ]);
  const read = async (p: string): Promise<YamlDoc[]> =>
    (await ctx.files.readSources([p])).flatMap((s) => loadDocuments(s.text, s.origin)).filter((d) => !d.empty);
  const report = diffManifests(await read(a), await read(b));
  const label = (p: string) => (p === '-' ? '<stdin>' : p);
  if (output === 'text') {
    ctx.out(renderManifestDiff(report, { a: label(a), b: label(b), color: ctx.terminal.color }));
  } else {
    // Data for pipelines: ids of removed and added objects, and each changed object's unified diff (not both YAMLs).
    const changedObjects = report.changed.map((c) => ({ id: c.id, diff: unifiedDiff(c.a, c.b, `${label(a)} ${c.id}`, `${label(b)} ${c.id}`, false) }));
    const { renderData } = await import('../../render/format.js');
    ctx.out(renderData({ onlyInA: report.onlyInA, onlyInB: report.onlyInB, changed: changedObjects, same: report.same }, output));
  }
  const changed = report.onlyInA.length + report.onlyInB.length + report.changed.length;
  ctx.err(changed ? `${changed} object(s) differ (${report.same} identical)\n` : `✔ manifests are the same (${report.same} objects)\n`);
  return changed ? ExitCode.IssuesFound : ExitCode.Ok;
}
