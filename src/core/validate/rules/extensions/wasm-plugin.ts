/** WasmPlugin and TrafficExtension: module URL scheme, unique VM environment names, port ranges in matches. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';

function checkEnv(vm: any, at: FieldPath, ctx: RuleContext): void {
  const names = new Set<string>();
  each(vm?.env, (e: any, i) => {
    if (typeof e?.name !== 'string') return;
    if (names.has(e.name)) ctx.report([...at, 'env', i, 'name'], `duplicate environment variable "${e.name}"`);
    names.add(e.name);
  });
}

function checkUrl(url: unknown, at: FieldPath, ctx: RuleContext): void {
  if (typeof url !== 'string' || url === '') return;
  // Unsupported schemes are the CRD's CEL rule to report; plain http is allowed but worth a warning.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http') ctx.report(at, 'the module is fetched over plain http; use https or oci', 'warning');
}

export const wasmPluginSettings: SemanticRule = {
  name: 'extensions.plugin-settings',
  description: 'module URLs are not fetched over plain http (warning); VM environment names are unique',
  kinds: ['WasmPlugin', 'TrafficExtension'],
  check(spec, ctx) {
    if (ctx.object.kind === 'WasmPlugin') {
      checkUrl(spec.url, ['spec', 'url'], ctx);
      checkEnv(spec.vmConfig, ['spec', 'vmConfig'], ctx);
    } else {
      checkUrl(spec.wasm?.url, ['spec', 'wasm', 'url'], ctx);
      checkEnv(spec.wasm?.vmConfig, ['spec', 'wasm', 'vmConfig'], ctx);
    }
  },
};
