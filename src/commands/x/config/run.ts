/** The bodies of `mesh x config list|get|set|unset`. */
import type { CommandContext } from '../../../context.js';
import { ExitCode } from '../../../errors.js';
import { editSettingsFile, parseSettingsFile, resolveSettings, settingSpec } from '../../../core/settings.js';
import { renderTable } from '../../../render/table.js';
import { renderData } from '../../../render/format.js';

function resolved(ctx: CommandContext) {
  const { path, text } = ctx.settings;
  return resolveSettings(parseSettingsFile(text, path), path, ctx.env);
}

/** `x config list`: istioctl's FLAG VALUE FROM table, or the same as data. */
export async function runConfigList(ctx: CommandContext, output: 'table' | 'json' | 'yaml'): Promise<number> {
  const rows = resolved(ctx).map((r) => ({ flag: r.key, value: r.value, from: r.from }));
  if (output === 'table')
    ctx.out(
      renderTable(
        ['FLAG', 'VALUE', 'FROM'],
        rows.map((r) => [r.flag, r.value, r.from]),
      ),
    );
  else ctx.out(renderData(rows, output));
  return ExitCode.Ok;
}

/** `x config get <key>`: the value alone. */
export async function runConfigGet(ctx: CommandContext, key: string): Promise<number> {
  settingSpec(key);
  ctx.out(`${resolved(ctx).find((r) => r.key === key)!.value}\n`);
  return ExitCode.Ok;
}

/** `x config set <key> <value>` and `x config unset <key>` (value undefined). */
export async function runConfigSet(ctx: CommandContext, key: string, value: string | undefined): Promise<number> {
  const { path, text } = ctx.settings;
  parseSettingsFile(text, path); // an unreadable file is reported, not overwritten
  await ctx.settings.save(editSettingsFile(text, key, value));
  const spec = settingSpec(key);
  ctx.err(value === undefined ? `removed ${key} from ${path}\n` : `set ${key} to ${JSON.stringify(value)} in ${path}\n`);
  if (ctx.env[spec.env]) ctx.err(`warning: $${spec.env} is set, and overrides the file\n`);
  return ExitCode.Ok;
}
