/** The work behind `mesh profile list|dump|diff`, loaded lazily by index.ts. */
import type { CommandContext } from '../../context.js';
import type { ProfileDumpOptions, ProfileListOptions } from './flags.js';
import { ExitCode, UsageError } from '../../errors.js';
import { readOverlays } from '../../app/render-install.js';

/** `profile list`: name and description per profile. */
export async function runProfileList(ctx: CommandContext, { output }: ProfileListOptions): Promise<number> {
  const { PROFILES } = await import('../../profiles/index.js');
  const rows = PROFILES.map((p) => ({ name: p.name, description: p.description }));
  if (output !== 'text') {
    const { renderData } = await import('../../render/format.js');
    ctx.out(renderData(rows, output));
    return ExitCode.Ok;
  }
  const { renderTable } = await import('../../render/table.js');
  ctx.out(
    renderTable(
      [],
      rows.map((r) => [r.name, r.description]),
      { noHeader: true, padding: 2 },
    ),
  );
  return ExitCode.Ok;
}

/** The resolved IstioOperator of a profile (with optional overlays), or the part at `configPath`. */
async function resolvedProfile(ctx: CommandContext, name: string, extra: { set?: string[]; filename?: string[]; configPath?: string } = {}): Promise<unknown> {
  const { resolveValues } = await import('../../core/manifest/index.js');
  const files = await readOverlays(ctx, extra.filename);
  let iop: unknown;
  try {
    iop = resolveValues({ files, sets: [`profile=${name}`, ...(extra.set ?? [])] });
  } catch (error) {
    const { overlayErrorWithLocation } = await import('../../core/manifest/overlay-location.js');
    throw await overlayErrorWithLocation(error);
  }
  if (!extra.configPath) return iop;
  const path = extra.configPath
    .replace(/^spec\./, '')
    .split('.')
    .filter(Boolean);
  let cur: unknown = (iop as { spec: unknown }).spec;
  const walked: string[] = [];
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in cur)) {
      const { nearest } = await import('../../profiles/paths.js');
      const keys = cur && typeof cur === 'object' ? Object.keys(cur) : [];
      const guess = nearest(key, keys);
      throw new UsageError(
        `--config-path ${extra.configPath}: no field "${key}"${walked.length ? ` in ${walked.join('.')}` : ''}`,
        guess ? { hint: `did you mean ${[...walked, guess].join('.')}?` } : {},
      );
    }
    walked.push(key);
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** `profile dump [name]`. */
export async function runProfileDump(ctx: CommandContext, name: string | undefined, opts: ProfileDumpOptions): Promise<number> {
  const value = await resolvedProfile(ctx, name ?? 'default', { ...opts });
  const { renderData } = await import('../../render/format.js');
  ctx.out(renderData(value, opts.output));
  return ExitCode.Ok;
}

/** `profile diff a b`: unified diff of the two dumps; 79 when they differ. */
export async function runProfileDiff(ctx: CommandContext, a: string, b: string): Promise<number> {
  const [{ toYaml }, { unifiedDiff }] = await Promise.all([import('../../render/format.js'), import('../../render/diff.js')]);
  const [ya, yb] = [toYaml(await resolvedProfile(ctx, a)), toYaml(await resolvedProfile(ctx, b))];
  const text = unifiedDiff(ya, yb, `profile ${a}`, `profile ${b}`, ctx.terminal.color);
  if (!text) {
    ctx.err(`✔ profiles ${a} and ${b} are the same\n`);
    return ExitCode.Ok;
  }
  ctx.out(text);
  return ExitCode.IssuesFound;
}
