/**
 * Golden cases for `mesh tag generate`: each `<case>.in.yaml` is a cluster (the objects the tag commands read),
 * `<case>.args` the options on one line (`tag=… revision=… [istioNamespace=…] [webhookName=…] [autoInjectNamespaces=true]`);
 * the generated objects are compared with `<case>.out.yaml`.
 * Update with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/tag` and review the diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocuments, objectsOf } from '../../../src/core/yaml/load.js';
import { planSetTag, type TagState } from '../../../src/core/tag/plan.js';
import { renderTagObjects } from '../../../src/render/tag.js';

const dir = new URL('.', import.meta.url);
const files = readdirSync(dir);
const cases = files.filter((f) => f.endsWith('.in.yaml')).map((f) => f.slice(0, -'.in.yaml'.length)).sort();

/** The state readTagState would return for these objects. */
export function stateOf(text: string, origin: string): TagState {
  const objects = objectsOf(loadDocuments(text, origin)).map((s) => s.object);
  const state: TagState = {
    webhooks: objects.filter((o) => o.kind === 'MutatingWebhookConfiguration'),
    services: objects.filter((o) => o.kind === 'Service'),
    namespaces: objects.filter((o) => o.kind === 'Namespace'),
  };
  const validator = objects.find((o) => o.kind === 'ValidatingWebhookConfiguration');
  if (validator) state.validator = validator;
  return state;
}

describe('tag generate goldens', () => {
  it.each(cases)('%s', async (name) => {
    const origin = `${name}.in.yaml`;
    const state = stateOf(readFileSync(new URL(origin, dir), 'utf8'), origin);
    const args = Object.fromEntries(readFileSync(new URL(`${name}.args`, dir), 'utf8').trim().split(/\s+/).map((kv) => kv.split('=') as [string, string]));
    const plan = planSetTag(state, {
      tag: args.tag!, revision: args.revision!, overwrite: false, generate: true, istioNamespace: args.istioNamespace ?? 'istio-system',
      webhookName: args.webhookName, autoInjectNamespaces: args.autoInjectNamespaces === 'true',
    });
    await expect(renderTagObjects(plan.objects, 'yaml')).toMatchFileSnapshot(new URL(`${name}.out.yaml`, dir).pathname);
  });

  it('has no orphaned outputs or args', () => {
    const orphans = files.filter((f) => /\.(out\.yaml|args)$/.test(f) && !cases.includes(f.replace(/\.(out\.yaml|args)$/, '')));
    expect(orphans).toEqual([]);
  });
});
