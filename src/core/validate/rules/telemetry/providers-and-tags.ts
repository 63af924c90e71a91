/** Telemetry: single tracing entry, provider names, custom tags, metric overrides. */
import type { SemanticRule } from '../types.js';
import { each, entries } from '../types.js';

export const telemetrySettings: SemanticRule = {
  name: 'telemetry.settings',
  description: 'one tracing entry with one provider, non-empty provider names and tag names, valid tag overrides',
  kinds: ['Telemetry'],
  check(spec, ctx) {
    if (Array.isArray(spec.tracing) && spec.tracing.length > 1)
      ctx.report(['spec', 'tracing'], 'only one tracing entry is supported; the others are ignored', 'warning');
    each(spec.tracing, (t: any, i) => {
      if (Array.isArray(t?.providers) && t.providers.length > 1)
        ctx.report(['spec', 'tracing', i, 'providers'], 'only one tracing provider is supported', 'warning');
      for (const [name] of entries(t?.customTags)) if (name === '') ctx.report(['spec', 'tracing', i, 'customTags'], 'custom tag name must not be empty');
    });
    each(spec.metrics, (m: any, i) =>
      each(m?.overrides, (o: any, j) => {
        for (const [name] of entries(o?.tagOverrides))
          if (name === '') ctx.report(['spec', 'metrics', i, 'overrides', j, 'tagOverrides'], 'tag name must not be empty', 'warning');
      }),
    );
    const providerNames = new Set<string>();
    for (const section of ['tracing', 'metrics', 'accessLogging']) {
      each(spec[section], (entry: any, i) =>
        each(entry?.providers, (p: any, j) => {
          if (typeof p?.name !== 'string') return;
          if (providerNames.has(`${section}/${i}/${p.name}`)) ctx.report(['spec', section, i, 'providers', j], `provider "${p.name}" is listed twice`);
          providerNames.add(`${section}/${i}/${p.name}`);
        }),
      );
    }
  },
};
