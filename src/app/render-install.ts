/**
 * "Render the control plane from -f overlays and --set": the one reading and rendering that `manifest generate`,
 * `profile dump`, `kube-inject --operatorFileName`, install, verify-install and precheck share, so that overlay
 * errors carry `file:line:col` everywhere.
 */
import type { CommandContext } from '../context.js';
import type { GenerateResult, OverlaySource } from '../core/manifest/types.js';
import { InputError } from '../errors.js';

/**
 * Reads -f overlays through the files port (skipping empty documents) for the resolver. As with istioctl, a file holds
 * one IstioOperator: a second document in it is an error, not a further overlay.
 */
export async function readOverlays(ctx: Pick<CommandContext, 'files'>, paths: readonly string[] | undefined): Promise<OverlaySource[]> {
  if (!paths?.length) return [];
  const { loadDocuments } = await import('../core/yaml/load.js');
  const sources = await ctx.files.readSources(paths);
  return sources.flatMap((s) => {
    const docs = loadDocuments(s.text, s.origin).filter((d) => !d.empty);
    if (docs.length > 1) {
      // istioctl's wording, pointed at the second document.
      throw new InputError(`${s.origin}:${docs[1]!.line}:1: contains multiple IstioOperator CRs, only one per file is supported`, {
        hint: 'put each IstioOperator in a file of its own and pass each with -f (later files win)',
      });
    }
    return docs;
  });
}

/** Runs generateManifests with the injection templates mesh ships; overlay errors get `file:line:col`. */
export async function generate(
  ctx: Pick<CommandContext, 'assets'>,
  files: OverlaySource[],
  sets: string[],
  revision?: string,
  onInvalid?: (problem: string) => void,
): Promise<GenerateResult> {
  const { generateManifests, injectionTemplates } = await import('../core/manifest/index.js');
  try {
    return generateManifests({
      files,
      sets,
      ...(revision !== undefined ? { revision } : {}),
      ...(onInvalid ? { onInvalid } : {}),
      templates: injectionTemplates(ctx.assets.text),
    });
  } catch (error) {
    const { overlayErrorWithLocation } = await import('../core/manifest/overlay-location.js');
    throw await overlayErrorWithLocation(error);
  }
}
