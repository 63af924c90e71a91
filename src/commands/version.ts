/** `mesh version`: the client's version, the Istio release it targets, and with --remote the control plane's. */
import { defineCommand } from './types.js';
import { boolFlag, outputFlag } from './flags.js';
import { ISTIO_VERSION, MESH_VERSION } from '../version.js';

export const version = defineCommand({
  name: 'version',
  summary: 'Print the mesh version and the Istio version it targets',
  examples: [
    '# mesh and target Istio versions',
    'mesh version',
    '# also the versions of the control plane running in the cluster',
    'mesh version --remote -o json',
  ],
  flags: {
    output: outputFlag(['text', 'short', 'json', 'yaml'], 'text'),
    remote: boolFlag('--remote', 'also read the versions of the running control plane (needs a cluster)'),
  },
  async run(ctx, opts) {
    const info: { client: { version: string; istioVersion: string }; controlPlane?: { component: string; pod: string; version: string }[] } = {
      client: { version: MESH_VERSION, istioVersion: ISTIO_VERSION },
    };
    if (opts.remote) {
      const { readControlPlaneVersions } = await import('../app/control-plane.js');
      info.controlPlane = await readControlPlaneVersions(ctx);
    }
    if (opts.output === 'json' || opts.output === 'yaml') {
      const { renderData } = await import('../render/format.js');
      ctx.out(renderData(info, opts.output));
      return;
    }
    if (opts.output === 'short') {
      ctx.out(`${MESH_VERSION}\n`);
      return;
    }
    let text = `client version: ${MESH_VERSION}\ntarget istio version: ${ISTIO_VERSION}\n`;
    if (info.controlPlane) {
      if (info.controlPlane.length === 0) text += `control plane version: none found in namespace ${ctx.globals.istioNamespace}\n`;
      const versions = [...new Set(info.controlPlane.map((c) => c.version))];
      if (versions.length) text += `control plane version: ${versions.join(', ')}\n`;
    }
    ctx.out(text);
  },
});
