/**
 * Golden cases for `mesh tag generate`: each `<case>.in.yaml` is a cluster (the objects the tag commands read),
 * `<case>.args` the options on one line (`tag=… revision=… [istioNamespace=…] [webhookName=…] [autoInjectNamespaces=true]`);
 * the generated objects are compared with `<case>.out.yaml`.
 * Update with `MESH_UPDATE_GOLDEN=1 npx vitest run test/golden/tag` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDocuments, objectsOf } from '../../../src/core/yaml/load.js';
import { planSetTag, type TagState } from '../../../src/core/tag/plan.js';
import { renderTagObjects } from '../../../src/render/tag.js';
import { expectGolden, goldenSuite } from '../../helpers/golden.js';

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

goldenSuite('tag generate goldens', import.meta.dirname, async (c) => {
  const state = stateOf(readFileSync(c.input!, 'utf8'), basename(c.input!));
  const args = Object.fromEntries(c.args.map((kv) => kv.split('=') as [string, string]));
  const plan = planSetTag(state, {
    tag: args.tag!,
    revision: args.revision!,
    overwrite: false,
    generate: true,
    istioNamespace: args.istioNamespace ?? 'istio-system',
    webhookName: args.webhookName,
    autoInjectNamespaces: args.autoInjectNamespaces === 'true',
  });
  await expectGolden(renderTagObjects(plan.objects, 'yaml'), c.file('out.yaml'));
});
