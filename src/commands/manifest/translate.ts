/** The body of `mesh manifest translate`, loaded lazily by ./index.ts. */
import type { CommandContext } from '../../context.js';
import type { ManifestTranslateOptions } from './flags.js';
import { ExitCode } from '../../errors.js';
import { generate, readOverlays } from '../../app/render-install.js';
import { isMap, type JsonObject } from '../../core/tree.js';

/** Translates the IstioOperator into Helm values: files into -o, or the values files on stdout. */
export async function runManifestTranslate(ctx: CommandContext, opts: ManifestTranslateOptions): Promise<number> {
  const sets = [...(opts.set ?? []), ...(opts.revision !== undefined ? [`revision=${opts.revision}`] : [])];
  // readOverlays refuses a file of several IstioOperators, as istioctl does.
  const overlays = await readOverlays(ctx, opts.filename);
  // The install renders first: it checks the overlays (file:line:col) and names the objects the scripts hand over to Helm.
  const rendered = await generate(ctx, overlays, sets);
  const { mergeInputs, translate } = await import('../../core/translate/index.js');
  const merged = mergeInputs(
    overlays.map((o) => (isMap(o.value) ? o.value : {}) as JsonObject),
    sets,
  );
  const objects = rendered.objects.map((r) => ({
    component: r.component,
    apiVersion: String(r.object.apiVersion),
    kind: String(r.object.kind),
    name: String(r.object.metadata?.name ?? ''),
    ...(r.object.metadata?.namespace ? { namespace: String(r.object.metadata.namespace) } : {}),
  }));
  // What Helm alone renders: the same inputs without the k8s settings, which IstioOperator applies as patches after Helm.
  const plain = await generate(
    ctx,
    overlays.map((o) => ({ ...o, value: withoutK8s(o.value) })),
    sets.filter((flag) => !/^(spec\.)?components\.[^=]*\.k8s(\.|=|\[)/.test(flag)),
  );
  const { emitYaml } = await import('../../core/yaml/emit.js');
  const texts = (list: typeof rendered.objects, component: string) =>
    list
      .filter((r) => r.component === component)
      .map((r) => emitYaml(r.object))
      .join('\n---\n');
  const differences: Record<string, { helm: string; istioctl: string }> = {};
  for (const component of new Set(rendered.objects.map((r) => r.component))) {
    const [helm, istioctl] = [texts(plain.objects, component), texts(rendered.objects, component)];
    if (helm !== istioctl) differences[component] = { helm, istioctl };
  }
  const result = translate(merged, objects, differences);
  for (const name of result.unsupported)
    ctx.err(`warning: component ${name} has no Helm chart release of its own: it is not translated (install it with the gateway chart)\n`);
  if (!opts.output) {
    ctx.out(
      result.files
        .filter((f) => f.name.endsWith('-values.yaml'))
        .map((f) => `# ${f.name}\n${f.text}`)
        .join('---\n'),
    );
    return ExitCode.Ok;
  }
  await ctx.files.writeFiles(opts.output, result.files);
  ctx.err(`Output written to ${opts.output}! See the README.md for next steps\n`);
  return ExitCode.Ok;
}

/** An overlay without `k8s` under its components (gateway lists included). */
function withoutK8s(value: unknown): unknown {
  if (!isMap(value) || !isMap(value.spec) || !isMap(value.spec.components)) return value;
  const components: JsonObject = {};
  for (const [name, c] of Object.entries(value.spec.components)) {
    const strip = (x: unknown) => {
      if (!isMap(x)) return x;
      const { k8s: _, ...rest } = x;
      return rest;
    };
    components[name] = Array.isArray(c) ? c.map(strip) : strip(c);
  }
  return { ...value, spec: { ...value.spec, components } };
}
