/**
 * kube-uninject over objects and streams: every workload whose pod template carries `sidecar.istio.io/status` gets
 * back the pod it had before injection (./uninject-pod.ts), spliced into its own text so that every other byte
 * stays as it was. Documents that are not injected workloads pass through untouched.
 */
import { isMap, type JsonObject } from '../tree.js';
import type { YamlDoc } from '../yaml/load.js';
import { trySplice } from '../yaml/splice.js';
import { POD_TEMPLATE_PATHS, workloadMeta, type InjectMessage, type InjectResult } from './index.js';
import type { PodData } from './template.js';
import { isInjectedPod, uninjectPod, UninjectRecordError } from './uninject-pod.js';
import { reemitDocument, type InjectStreamResult, type LocatedMessage } from './documents.js';

/** Removes the sidecar from `object` if it is an injected workload (or a List of them). */
export function uninjectObject(object: unknown): InjectResult {
  if (!isMap(object) || typeof object.kind !== 'string') return { object, changed: false, messages: [] };
  if (object.kind === 'List' && Array.isArray(object.items)) {
    const messages: InjectMessage[] = [];
    let changed = false;
    const items = object.items.map((item, i) => {
      const r = uninjectObject(item);
      changed ||= r.changed;
      for (const m of r.messages) messages.push({ ...m, path: ['items', i, ...m.path] });
      return r.object;
    });
    return { object: changed ? { ...object, items } : object, changed, messages };
  }
  const templatePath = POD_TEMPLATE_PATHS[object.kind];
  if (!templatePath) return { object, changed: false, messages: [] };
  const podNode = templatePath.length ? getIn(object, templatePath) : object;
  // Istio keeps a CronJob's injection labels and annotations on spec.jobTemplate.metadata.
  const metaPath = object.kind === 'CronJob' ? ['spec', 'jobTemplate', 'metadata'] : [...templatePath, 'metadata'];
  const metaNode = getIn(object, metaPath);
  if (!isMap(podNode) || !isMap(podNode.spec) || !isMap(metaNode)) return { object, changed: false, messages: [] };
  // A pod whose only container was istio-proxy has none left once it became a native sidecar.
  const containers = Array.isArray(podNode.spec.containers) ? podNode.spec.containers : [];
  const pod: PodData = { metadata: metaNode as PodData['metadata'], spec: { ...podNode.spec, containers } as PodData['spec'] };
  if (!isInjectedPod(pod)) return { object, changed: false, messages: [] };
  const meta = isMap(object.metadata) ? object.metadata : {};
  let plain: PodData;
  try {
    plain = uninjectPod(pod, workloadMeta(object, object.kind, meta, pod.metadata).name);
  } catch (error) {
    if (!(error instanceof UninjectRecordError)) throw error;
    return {
      object,
      changed: false,
      messages: [{ level: 'error', message: `${objectName(object)}: ${error.message}`, path: [...metaPath, 'annotations', error.annotation] }],
    };
  }
  let out = setIn(object, [...templatePath, 'spec'], plain.spec);
  // A template without metadata got one from injection: it goes again when nothing is left in it.
  out = Object.keys(plain.metadata).length ? setIn(out, metaPath, plain.metadata) : deleteIn(out, metaPath);
  return { object: out, changed: true, messages: [] };
}

/** Uninjects every workload in `docs` (the documents of one source, in order), keeping all other text. */
export function uninjectStream(docs: readonly YamlDoc[], options: { verify?: boolean } = {}): InjectStreamResult {
  const parts: string[] = [];
  const messages: LocatedMessage[] = [];
  const reemitted: InjectStreamResult['reemitted'] = [];
  let injected = 0;
  for (const doc of docs) {
    const result = doc.empty ? undefined : uninjectObject(doc.value);
    for (const m of result?.messages ?? []) messages.push({ ...m, doc });
    if (!result?.changed) {
      parts.push(doc.text);
      continue;
    }
    injected++;
    const spliced = trySplice(doc.text, doc.value, result.object, options);
    if (typeof spliced === 'string') parts.push(spliced);
    else parts.push(reemitDocument(doc, result.object, spliced.reason, reemitted));
  }
  return { text: parts.join(''), messages, injected, reemitted };
}

function objectName(object: JsonObject): string {
  const meta = isMap(object.metadata) ? object.metadata : {};
  return `${String(object.kind)} ${meta.namespace ? `${String(meta.namespace)}/` : ''}${String(meta.name ?? '')}`;
}

function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = isMap(cur) ? cur[p] : undefined;
  return cur;
}

function setIn(obj: JsonObject, path: string[], value: unknown): JsonObject {
  if (!path.length) return value as JsonObject;
  const [head, ...rest] = path;
  return { ...obj, [head!]: rest.length ? setIn(isMap(obj[head!]) ? (obj[head!] as JsonObject) : {}, rest, value) : value };
}

function deleteIn(obj: JsonObject, path: string[]): JsonObject {
  const [head, ...rest] = path;
  if (!rest.length) {
    const { [head!]: _, ...kept } = obj;
    return kept;
  }
  return isMap(obj[head!]) ? { ...obj, [head!]: deleteIn(obj[head!] as JsonObject, rest) } : obj;
}
