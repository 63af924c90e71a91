/**
 * Precheck for an ambient install (the rendered plan holds the ztunnel DaemonSet): waypoints are Gateway API Gateways
 * written as gateway.networking.k8s.io/v1, so the Gateway CRD must be there and serve v1 (Gateway API v1.0.0 or
 * later; Istio 1.30 is built against v1.5); and ztunnel needs istio-cni on every node, from this install or already
 * running. MESH0015/MESH0016.
 */
import type { KubeObject } from '../yaml/load.js';
import { arr, obj } from '../model/access.js';
import { scalarString } from '../tree.js';
import type { PrecheckFinding } from './types.js';

const GATEWAY_CRD = 'gateways.gateway.networking.k8s.io';
const CRD = { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1', namespace: '' };

/** True when the rendered objects install ambient mode (a ztunnel DaemonSet). */
export function installsAmbient(objects: readonly KubeObject[]): boolean {
  return objects.some((o) => o.kind === 'DaemonSet' && o.metadata?.name === 'ztunnel');
}

/** True when `objects` hold the istio-cni node agent DaemonSet. */
export function hasCni(objects: readonly KubeObject[]): boolean {
  return objects.some((o) => o.kind === 'DaemonSet' && o.metadata?.name === 'istio-cni-node');
}

/** Findings for an ambient install: the Gateway CRD (from the cluster's CRDs) and istio-cni (rendered or running). */
export function ambientFindings(rendered: readonly KubeObject[], crds: readonly KubeObject[], runningDaemonSets: readonly KubeObject[]): PrecheckFinding[] {
  if (!installsAmbient(rendered)) return [];
  const out: PrecheckFinding[] = [];
  const crd = crds.find((c) => c.metadata?.name === GATEWAY_CRD);
  if (!crd) out.push({ code: 'MESH0015', args: [GATEWAY_CRD, 'is not installed'] });
  else {
    const served = arr(obj(crd.spec).versions).some((v) => obj(v).served === true && scalarString(obj(v).name) === 'v1');
    const bundle = crd.metadata?.annotations?.['gateway.networking.k8s.io/bundle-version'];
    if (!served)
      out.push({
        code: 'MESH0015',
        args: [GATEWAY_CRD, `does not serve v1 (bundle version ${bundle ?? 'unknown'}; v1.0.0 or later serves it)`],
        resource: { ...CRD, name: GATEWAY_CRD },
      });
  }
  if (!hasCni(rendered) && !hasCni(runningDaemonSets)) out.push({ code: 'MESH0016', args: [] });
  return out;
}
