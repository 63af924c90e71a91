/**
 * Pieces of the istio-proxy container and pod volumes that Istio's pod templates (sidecar, gateway, grpc-agent) write
 * alike: pilot-agent's arguments, the CA and downward-API env, the mesh identity, the pod-info, token and istiod
 * root-certificate volumes. One copy here keeps the templates from drifting apart.
 */
import { textOf, type JsonObject } from '../../tree.js';

/** pilot-agent's command line in every template that runs it: `proxy <mode>`, DNS domain, log levels, STS port, JSON logs. */
export function agentArgs(mode: string, anno: (name: string, def: unknown) => string, v: (p: string) => unknown): string[] {
  const args = [
    'proxy',
    mode,
    '--domain',
    `$(POD_NAMESPACE).svc.${textOf(v('global.proxy.clusterDomain'))}`,
    `--proxyLogLevel=${anno('sidecar.istio.io/logLevel', v('global.proxy.logLevel'))}`,
    `--proxyComponentLogLevel=${anno('sidecar.istio.io/componentLogLevel', v('global.proxy.componentLogLevel'))}`,
    `--log_output_level=${anno('sidecar.istio.io/agentLogLevel', v('global.logging.level'))}`,
  ];
  const sts = Number(v('global.sts.servicePort') ?? 0);
  if (sts) args.push(`--stsPort=${sts}`);
  if (v('global.logAsJson') === true) args.push('--log_as_json');
  return args;
}

/** The istio-proxy image: the proxyImage annotation or values' image when it names a full image, else the resolved hub/tag one. */
export function proxyImageFor(resolved: string, anno: (name: string, def: unknown) => string, v: (p: string) => unknown): string {
  const image = anno('sidecar.istio.io/proxyImage', v('global.proxy.image'));
  return image.includes('/') ? image : resolved;
}

/** The readiness timings every template's agent probe takes from the readiness.status annotations or the values. */
export function readinessTimings(
  anno: (name: string, def: unknown) => string,
  v: (p: string) => unknown,
): { initialDelaySeconds: number; periodSeconds: number; failureThreshold: number } {
  return {
    initialDelaySeconds: Number(anno('readiness.status.sidecar.istio.io/initialDelaySeconds', v('global.proxy.readinessInitialDelaySeconds'))),
    periodSeconds: Number(anno('readiness.status.sidecar.istio.io/periodSeconds', v('global.proxy.readinessPeriodSeconds'))),
    failureThreshold: Number(anno('readiness.status.sidecar.istio.io/failureThreshold', v('global.proxy.readinessFailureThreshold'))),
  };
}

/** An env var read from the pod through the downward API. */
export const fieldRefEnv = (name: string, path: string): JsonObject => ({ name, valueFrom: { fieldRef: { fieldPath: path } } });

/** Where the agent gets certificates (cert provider, CA address: the revision's istiod by default) and who the pod is. */
export function caAndPodEnv(v: (p: string) => unknown): JsonObject[] {
  const rev = textOf(v('revision'));
  return [
    { name: 'PILOT_CERT_PROVIDER', value: textOf(v('global.pilotCertProvider')) },
    { name: 'CA_ADDR', value: textOf(v('global.caAddress')) || `istiod${rev ? `-${rev}` : ''}.${textOf(v('global.istioNamespace'))}.svc:15012` },
    fieldRefEnv('POD_NAME', 'metadata.name'),
    fieldRefEnv('POD_NAMESPACE', 'metadata.namespace'),
    fieldRefEnv('INSTANCE_IP', 'status.podIP'),
    fieldRefEnv('SERVICE_ACCOUNT', 'spec.serviceAccountName'),
    fieldRefEnv('HOST_IP', 'status.hostIP'),
  ];
}

/** ISTIO_META_MESH_ID (the mesh ID, else the trust domain) and TRUST_DOMAIN (mesh config's, else the values'). */
export function meshIdEnv(mesh: JsonObject, v: (p: string) => unknown): JsonObject[] {
  const env: JsonObject[] = [];
  const trustDomain = textOf(mesh.trustDomain) || textOf(v('global.trustDomain'));
  const meshId = textOf(v('global.meshID')) || trustDomain;
  if (meshId) env.push({ name: 'ISTIO_META_MESH_ID', value: meshId });
  if (trustDomain) env.push({ name: 'TRUST_DOMAIN', value: trustDomain });
  return env;
}

/** The pod's labels and annotations as files (istio-podinfo), and the projected istiod token (istio-token). */
export function podInfoAndTokenVolumes(v: (p: string) => unknown): JsonObject[] {
  return [
    {
      name: 'istio-podinfo',
      downwardAPI: {
        items: [
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
        ],
      },
    },
    {
      name: 'istio-token',
      projected: { sources: [{ serviceAccountToken: { path: 'istio-token', expirationSeconds: 43200, audience: textOf(v('global.sds.token.aud')) } }] },
    },
  ];
}

/** istiod's root certificate (istiod-ca-cert) when istiod is the cert provider: a ConfigMap, or a ClusterTrustBundle. */
export function istiodCaVolume(v: (p: string) => unknown): JsonObject | undefined {
  if (v('global.pilotCertProvider') !== 'istiod') return undefined;
  const bundle = textOf(v('global.trustBundleName'));
  const env = v('pilot.env') as JsonObject | undefined;
  if (env?.ENABLE_CLUSTER_TRUST_BUNDLE_API === true) {
    return {
      name: 'istiod-ca-cert',
      projected: { sources: [{ clusterTrustBundle: { name: `istio.io:istiod-ca:${bundle || 'root-cert'}`, path: 'root-cert.pem' } }] },
    };
  }
  return { name: 'istiod-ca-cert', configMap: { name: bundle || 'istio-ca-root-cert' } };
}
