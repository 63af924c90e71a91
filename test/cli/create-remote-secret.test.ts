// mesh create-remote-secret over the fake context: the ServiceAccount and token Secret as objects of the world, a
// token controller that fills new token Secrets in, and the output checked against istioctl's own expectation
// (istioctl/pkg/multicluster/remote_secret_test.go, read from the Go module cache).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { goRawStringAfter, istioModuleDir } from '../helpers/istio-module.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const kubeSystem: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', uid: '54643f96-eca0-11e9-bb97-42010a80000a' } };
const sa = (name: string, namespace: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
const tokenSecret = (name: string, namespace: string, saName: string, data?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/service-account-token',
  metadata: { name, namespace, annotations: { 'kubernetes.io/service-account.name': saName } },
  ...(data ? { data } : {}),
});

/** istioctl's test world: a ServiceAccount with one token Secret holding "caData" and "token". */
function istioctlWorld(): FakeWorld {
  return {
    objects: [
      kubeSystem,
      sa('test-service-account', 'istio-system-test'),
      tokenSecret('saSecret', 'istio-system-test', 'test-service-account', { 'ca.crt': b64('caData'), token: b64('token') }),
    ],
  };
}
const ARGS = ['create-remote-secret', '-n', 'istio-system-test', '--service-account', 'test-service-account', '--server', 'server'];

describe('mesh create-remote-secret', () => {
  const istio = istioModuleDir();
  it.skipIf(!istio)("prints what istioctl's tests expect, for --name, the default name (kube-system's UID), --type config and --tls-server-name", async () => {
    const go = readFileSync(join(istio!, 'istioctl', 'pkg', 'multicluster', 'remote_secret_test.go'), 'utf8');
    const plain = goRawStringAfter(go, 'createKubeConfig := func(clusterName, secretName, key string) string {\n\t\treturn fmt.Sprintf(');
    const tls = goRawStringAfter(
      go,
      'createKubeConfigWithTLSServerName := func(clusterName, secretName, key, serverOverride string) string {\n\t\treturn fmt.Sprintf(',
    );
    const fill = (template: string, ...values: string[]) => template.replace(/%\[(\d)\]s/g, (_, i: string) => values[Number(i) - 1]!);
    const uid = '54643f96-eca0-11e9-bb97-42010a80000a';
    const cases: [string[], string][] = [
      [[], fill(plain, uid, `istio-remote-secret-${uid}`, uid)],
      [['--name', 'primary', '--type', 'config'], fill(plain, 'primary', 'istio-kubeconfig', 'config')],
      [['--name', 'primary', '--secret-name', 'saSecret'], fill(plain, 'primary', 'istio-remote-secret-primary', 'primary')],
    ];
    for (const [flags, expected] of cases) {
      const r = await runWithWorld([...ARGS, ...flags], istioctlWorld());
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(expected);
    }
    const r = await runWithWorld([...ARGS.slice(0, -1), 'gateway', '--tls-server-name', 'server', '--name', 'primary'], istioctlWorld());
    expect(r.stdout).toBe(fill(tls, 'primary', 'istio-remote-secret-primary', 'primary', 'gateway'));
  });

  it('writes a plug-in user instead of the token with --auth-type plugin', async () => {
    const r = await runWithWorld(
      [...ARGS, '--name', 'c0', '--auth-type', 'plugin', '--auth-plugin-name', 'gcp', '--auth-plugin-config', 'k2=v2,k1=v1'],
      istioctlWorld(),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '    users:\n    - name: c0\n      user:\n        auth-provider:\n          config:\n            k1: v1\n            k2: v2\n          name: gcp\n---\n',
    );
    expect(r.stdout).not.toContain('token');
  });

  it('creates the reader ServiceAccount, its RBAC and a token Secret with -y, then waits for the token', async () => {
    const r = await runWithWorld(['create-remote-secret', '--name', 'c0', '--server', 'https://c0.example:6443', '-y', '-o', 'json'], {
      objects: [kubeSystem, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } }],
      tokenController: { caCrt: 'CA', token: 'tok' },
    });
    expect(r.stderr).toBe(
      'The remote secret needs objects this cluster (https://fake-cluster.invalid) lacks: ServiceAccount istio-reader-service-account, ' +
        'ClusterRole istio-reader-clusterrole-istio-system, ClusterRoleBinding istio-reader-clusterrole-istio-system, ' +
        'Secret istio-reader-service-account-istio-remote-secret-token\n',
    );
    expect(r.ctx.installed.calls.filter((c) => c.startsWith('apply'))).toEqual([
      'apply ServiceAccount istio-system/istio-reader-service-account',
      'apply ClusterRole istio-reader-clusterrole-istio-system',
      'apply ClusterRoleBinding istio-reader-clusterrole-istio-system',
      'apply Secret istio-system/istio-reader-service-account-istio-remote-secret-token',
    ]);
    const secret = JSON.parse(r.stdout) as { metadata: { name: string; labels: object }; stringData: Record<string, string> };
    expect(secret.metadata.name).toBe('istio-remote-secret-c0');
    expect(secret.metadata.labels).toEqual({ 'istio/multiCluster': 'true' });
    expect(secret.stringData.c0).toContain(`certificate-authority-data: ${b64('CA')}\n    server: https://c0.example:6443\n`);
    expect(secret.stringData.c0).toContain('token: tok\n');
  });

  it('asks before creating anything, and refuses without a terminal or -y', async () => {
    const w = (): FakeWorld => ({
      objects: [kubeSystem, sa('istio-reader-service-account', 'istio-system')],
      tokenController: { caCrt: 'CA', token: 't' },
      stdinIsTTY: true,
      answers: [false],
    });
    const declined = await runWithWorld(['create-remote-secret', '--name', 'c0'], w());
    expect(declined.code).toBe(0);
    expect(declined.stdout).toBe('');
    expect(declined.stderr).toContain('Cancelled: nothing was changed.\n');
    expect(declined.ctx.installed.calls.filter((c) => c.startsWith('apply'))).toEqual([]);
    const piped = await runWithWorld(['create-remote-secret', '--name', 'c0'], { ...w(), stdinIsTTY: false });
    expect(piped.code).toBe(64);
    expect(piped.stderr).toContain('error: refusing to create the ServiceAccount and its token Secret without confirmation: stdin is not a terminal\n');
  });

  it('uses an existing token Secret without asking, and names what is missing', async () => {
    const r = await runWithWorld(['create-remote-secret', '--name', 'c0', '-y'], {
      objects: [
        kubeSystem,
        sa('istio-reader-service-account', 'istio-system'),
        tokenSecret('t', 'istio-system', 'istio-reader-service-account', { 'ca.crt': 'Q0E=', token: 'dA==' }),
      ],
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const noSa = await runWithWorld(['create-remote-secret', '--name', 'c0', '--create-service-account=false'], { objects: [kubeSystem] });
    expect(noSa.code).toBe(69);
    expect(noSa.stderr).toBe(
      'error: ServiceAccount istio-reader-service-account.istio-system, needed for the remote secret, does not exist\n' +
        'hint: install Istio (a minimal profile will do) on this cluster first, or run with --create-service-account=true\n',
    );
    const noToken = await runWithWorld(['create-remote-secret', '--name', 'c0', '-y'], {
      objects: [kubeSystem, sa('istio-reader-service-account', 'istio-system')],
    });
    expect(noToken.code).toBe(69);
    expect(noToken.stderr).toContain(
      'error: Secret istio-reader-service-account-istio-remote-secret-token.istio-system has no "ca.crt" data: the token controller did not fill it in\n',
    );
  });

  it.each([
    [['--name', 'Bad_Name'], 'error: --name: Bad_Name is not a valid DNS 1123 label\n'],
    [['--auth-type', 'plugin'], 'error: --auth-type plugin needs --auth-plugin-name\n'],
    [['--auth-plugin-name', 'gcp'], 'error: --auth-plugin-name and --auth-plugin-config need --auth-type plugin\n'],
    [['--auth-plugin-config', 'novalue'], "error: option '--auth-plugin-config <key=value,...>' argument 'novalue' is invalid. \"novalue\" is not key=value\n"],
    [['--type', 'other'], "error: option '--type <type>' argument 'other' is invalid. Allowed choices are remote, config.\n"],
  ])('%j is a usage error', async (flags, message) => {
    const r = await runWithWorld(['create-remote-secret', ...flags], istioctlWorld());
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(message);
  });
});
