/** IST0157/IST0002: Telemetry access logging has a provider, and tracing does not use the removed Lightstep provider. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { meshConfigOf, type MeshConfigView } from '../../../model/mesh-config.js';
import { scalarString } from '../../../tree.js';

export const providers: Analyzer = {
  meta: {
    name: 'telemetry.ProviderAnalyzer',
    description: 'Checks that Telemetry access logging names a provider and tracing avoids deprecated providers',
    inputs: ['Telemetry', 'MeshConfig'],
    codes: ['IST0157', 'IST0002'],
  },
  analyze(ctx) {
    let mesh: MeshConfigView | undefined;
    ctx.forEach('MeshConfig', (m) => void (mesh = meshConfigOf(m)));
    const hasDefaultLogging = (mesh?.defaultProviders?.accessLogging ?? []).length > 0;
    const lightstep = new Set((mesh?.extensionProviders ?? []).filter((p) => p.lightstep !== undefined).map((p) => p.name ?? ''));
    ctx.forEach('Telemetry', (t) => {
      const spec = obj(t.object.spec);
      arr(spec.accessLogging).forEach((l, i) => {
        if (hasDefaultLogging || obj(l).disabled === true || arr(obj(l).providers).length > 0) return;
        ctx.report(t, 'IST0157', [t.name, t.namespace], ['spec', 'accessLogging', i]);
      });
      arr(spec.tracing).forEach((tr, i) => {
        arr(obj(tr).providers).forEach((p, j) => {
          const name = scalarString(obj(p).name);
          if (name && lightstep.has(name)) {
            ctx.report(t, 'IST0002', [`the Lightstep provider ${name} is deprecated; use an OpenTelemetry provider`], ['spec', 'tracing', i, 'providers', j]);
          }
        });
      });
    });
  },
};
