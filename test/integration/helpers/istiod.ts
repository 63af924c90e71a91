// A real istiod for the integration tests: Istio's pilot-discovery runs as a local process, started
// from the Deployment `mesh install` applied (its args and env), and is wired into the test cluster
// the way the Deployment's pod would be on a real one:
//  - the API server reaches its webhooks through the istiod Service the install created: kube-local's
//    egress proxy sends the Service's ClusterIP ports to the local listeners (egress-routes.json, see
//    test/cluster/egress.go), so webhook configurations stay exactly as mesh and istiod wrote them;
//  - port-forwards to the kwok pod of istiod (Running and Ready without a container) reach the
//    process through a kwok PortForward, so mesh finds it by label as on a real cluster.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { ensurePilotDiscovery } from '../../cluster/pilot-discovery.mjs';
import { freeIstiodPorts, listenerFlags, runIstiod, type IstiodPorts, type IstiodProcess } from './istiod-process.js';
import { kube, kubeconfigPath, waitFor } from './kube.js';

/** A real istiod serving one revision of the test cluster. */
export interface LocalIstiod extends Omit<IstiodProcess, 'ready'> {
  revision: string;
  /** The kwok pod that stands for it (port-forwards to it reach the process). */
  pod: string;
}

/** Options of {@link startIstiod}. */
export interface StartIstiodOptions {
  /** The revision mesh installed (default `default`). */
  revision?: string;
  namespace?: string;
  /** How long istiod gets to become ready and to take over its webhooks (default 90 s). */
  timeoutMs?: number;
}

const PORT_FORWARDS = { group: 'kwok.x-k8s.io', version: 'v1alpha1', plural: 'portforwards' };

/** The revision's istiod Deployment and Service names: `istiod`, or `istiod-<rev>` for another revision. */
function istiodName(revision: string): string {
  return revision === 'default' ? 'istiod' : `istiod-${revision}`;
}

/**
 * The environment of the Deployment's `discovery` container, with the downward-API values of `pod`.
 * Two entries change, for the process runs outside any pod: KUBECONFIG (a mounted remote-cluster
 * secret in the pod; here the test cluster's admin kubeconfig, as --kubeconfig) and resource
 * references (GOMAXPROCS from limits.cpu), which have no container to read them from.
 */
export function containerEnv(container: k8s.V1Container, pod: k8s.V1Pod, kubeconfig: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'spec.nodeName': pod.spec?.nodeName,
    'status.podIP': '127.0.0.1',
  };
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.fieldRef) env[e.name] = fields[e.valueFrom.fieldRef.fieldPath] ?? '';
  }
  env.KUBECONFIG = kubeconfig;
  return env;
}

/** Routes the Service's ports to the local listeners in kube-local's egress routes (replacing the revision's old ones). */
function writeRoutes(clusterIP: string, svc: k8s.V1Service, ports: IstiodPorts | undefined): void {
  const file = join(dirname(kubeconfigPath()), 'egress-routes.json');
  const routes: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const byTarget: Record<number, number | undefined> = ports
    ? { 15017: ports.https, 15010: ports.grpc, 15012: ports.secureGrpc, 15014: ports.monitoring, 8080: ports.http }
    : {};
  for (const p of svc.spec?.ports ?? []) {
    const target = typeof p.targetPort === 'number' ? p.targetPort : p.port;
    const local = byTarget[target];
    if (local) routes[`${clusterIP}:${p.port}`] = `127.0.0.1:${local}`;
    else delete routes[`${clusterIP}:${p.port}`];
  }
  writeFileSync(`${file}.tmp`, JSON.stringify(routes, null, 2));
  renameSync(`${file}.tmp`, file);
}

/**
 * Starts istiod for `revision` on the test cluster, after `mesh install` of that revision. Resolves
 * once istiod is ready, the API server reaches its webhooks (istiod switched its validating webhook
 * to failurePolicy Fail, which it does only after the API server had it reject a dry-run object) and
 * it has written its CA into the injector's caBundle. Rejects with istiod's log line when it fails.
 */
export async function startIstiod(opts: StartIstiodOptions = {}): Promise<LocalIstiod> {
  const { revision = 'default', namespace = 'istio-system', timeoutMs = 90_000 } = opts;
  const { apps, core, custom, kc } = kube();
  const name = istiodName(revision);
  const deployment = await apps.readNamespacedDeployment({ name, namespace });
  const container = deployment.spec?.template.spec?.containers.find((c) => c.name === 'discovery');
  if (!container) throw new Error(`deployment ${namespace}/${name} has no discovery container`);
  const selector = `app=istiod,istio.io/rev=${revision}`;
  const pod = await waitFor(`a Running ${selector} pod`, async () =>
    (await core.listNamespacedPod({ namespace, labelSelector: selector })).items.find((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp),
  );
  const podName = pod.metadata?.name ?? '';

  const bin = ensurePilotDiscovery();
  const ports = await freeIstiodPorts();
  const kubeconfig = kubeconfigPath();
  const args = [...(container.args ?? []), `--kubeconfig=${kubeconfig}`, ...listenerFlags(ports)];
  const logDir = process.env.MESH_TEST_KEEP_CLUSTER_DIR === '1' ? join(dirname(kubeconfig), 'logs') : undefined;
  const proc = runIstiod(bin, args, containerEnv(container, pod, kubeconfig), ports, logDir && join(logDir, `istiod-${revision}.log`));
  try {
    await proc.ready(timeoutMs);
    const svc = await core.readNamespacedService({ name, namespace });
    if (!svc.spec?.clusterIP) throw new Error(`service ${namespace}/${name} has no ClusterIP`);
    writeRoutes(svc.spec.clusterIP, svc, ports);
    const forwards = [
      [8080, ports.http],
      [15010, ports.grpc],
      [15012, ports.secureGrpc],
      [15014, ports.monitoring],
      [15017, ports.https],
      [9876, ports.ctrlz],
    ].map(([port, local]) => ({ ports: [port], target: { address: '127.0.0.1', port: local } }));
    await custom.createNamespacedCustomObject({
      ...PORT_FORWARDS,
      namespace,
      body: { apiVersion: 'kwok.x-k8s.io/v1alpha1', kind: 'PortForward', metadata: { name: podName }, spec: { forwards } },
    });
    await waitForWebhooks(kc, revision, namespace, timeoutMs, proc);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    revision,
    pod: podName,
    ports,
    log: proc.log,
    async stop() {
      await proc.stop();
      await custom.deleteNamespacedCustomObject({ ...PORT_FORWARDS, namespace, name: podName }).catch(() => undefined);
      const svc = await core.readNamespacedService({ name, namespace }).catch(() => undefined);
      if (svc?.spec?.clusterIP) writeRoutes(svc.spec.clusterIP, svc, undefined);
    },
  };
}

async function waitForWebhooks(kc: k8s.KubeConfig, revision: string, namespace: string, timeoutMs: number, proc: IstiodProcess): Promise<void> {
  const { AdmissionregistrationV1Api } = await import('@kubernetes/client-node');
  const admission = kc.makeApiClient(AdmissionregistrationV1Api);
  const validator = revision === 'default' ? `istio-validator-${namespace}` : `istio-validator-${revision}-${namespace}`;
  const injector = revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`;
  const what = `istiod to take over ${validator} (failurePolicy Fail) and ${injector} (caBundle)`;
  try {
    await waitFor(
      what,
      async () => {
        const v = await admission.readValidatingWebhookConfiguration({ name: validator });
        const m = await admission.readMutatingWebhookConfiguration({ name: injector });
        return v.webhooks?.every((w) => w.failurePolicy === 'Fail' && w.clientConfig.caBundle) && m.webhooks?.every((w) => w.clientConfig.caBundle);
      },
      timeoutMs,
    );
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\nistiod: ${proc
        .log()
        .split('\n')
        .filter((l) => /webhook|error/.test(l))
        .slice(-3)
        .join('\n')}`,
    );
  }
}
