// The mesh graph's model on small inputs: what each kind of config becomes, where problems land, and --focus.
import { describe, expect, it } from 'vitest';
import { buildSnapshot, fileSource } from '../../../../src/core/analyze/index.js';
import { analyzeSnapshot } from '../../../../src/core/analyze/index.js';
import { buildGraph, type MeshGraph } from '../../../../src/core/graph/index.js';
import { loadDocuments, objectsOf } from '../../../../src/core/yaml/load.js';

/** The graph of `yaml` (one file, `mesh.yaml`), with the analyzers' messages placed. */
function graphOf(yaml: string, options: { focus?: string; namespaces?: string[] } = {}): MeshGraph {
  const snapshot = buildSnapshot([fileSource(objectsOf(loadDocuments(yaml, 'mesh.yaml')))], {
    defaultNamespace: 'default',
    istioNamespace: 'istio-system',
    addDefaults: true,
  });
  const messages = analyzeSnapshot(snapshot, { only: [], suppressions: [], outputThreshold: 'Info', failureThreshold: 'Error' }).shown;
  return buildGraph(snapshot, { messages, defaultNamespace: 'default', focus: options.focus, namespaces: options.namespaces && new Set(options.namespaces) })
    .graph;
}

const SERVICE = (name: string, ns = 'default') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{name: http, port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, version: v1}}
    spec: {containers: [{name: app, image: example/${name}, ports: [{containerPort: 80}]}]}
`;

describe('mesh graph model', () => {
  it('a route carries its match, timeout, retries, fault and mirror; the mirror is an edge of its own', () => {
    const g = graphOf(`${SERVICE('a')}---
${SERVICE('b')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec:
  hosts: [a]
  http:
  - match: [{headers: {x-user: {exact: test}}}, {uri: {regex: "^/v[0-9]+/"}}]
    route: [{destination: {host: a}}]
    timeout: 2s
    retries: {attempts: 2}
    fault: {delay: {fixedDelay: 5s, percentage: {value: 10}}, abort: {httpStatus: 503, percentage: {value: 1}}}
    mirror: {host: b}
    mirrorPercentage: {value: 25}
`);
    const route = g.edges.find((e) => e.kind === 'route')!;
    expect(route).toMatchObject({ from: 'virtualservice:default/a', to: 'host:a.default.svc.cluster.local', label: 'headers x-user=test or uri ~^/v[0-9]+/' });
    expect(route.attributes).toMatchObject({
      timeout: '2s',
      retries: 'attempts=2',
      fault: ['delay 5s for 10% of requests', 'abort 503 for 1% of requests'],
      mirror: 'b (25%)',
    });
    expect(route.source).toMatchObject({ file: 'mesh.yaml', line: 35 });
    expect(g.edges.find((e) => e.kind === 'mirror')).toMatchObject({ to: 'host:b.default.svc.cluster.local', label: 'mirror 25%' });
  });

  it("a DestinationRule that disables TLS towards STRICT workloads: the edge says so and carries the analyzer's MESH0001", () => {
    const g = graphOf(`apiVersion: v1
kind: Namespace
metadata: {name: default, labels: {istio-injection: enabled}}
---
${SERVICE('a')}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a}
spec: {host: a, trafficPolicy: {tls: {mode: DISABLE}}}
`);
    const selects = g.edges.find((e) => e.kind === 'selects')!;
    expect(selects.attributes.mtls).toBe('conflict: the DestinationRule sends plaintext, the server requires mTLS');
    const host = g.nodes.find((n) => n.id === 'host:a.default.svc.cluster.local')!;
    expect(host.attributes.clientTls).toBe('DISABLE');
    expect(host.problems.map((p) => p.code)).toEqual(['MESH0001']);
    expect(g.nodes.find((n) => n.kind === 'workload')!.attributes).toMatchObject({ mtls: 'STRICT', mtlsPolicy: ['istio-system/default (mesh)'] });
  });

  it('a route to a missing host and a missing subset: dashed nodes carrying IST0101 with the line of the destination', () => {
    const g = graphOf(`${SERVICE('a')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a}
spec: {host: a, subsets: [{name: v1, labels: {version: v1}}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec:
  hosts: [a]
  http:
  - route:
    - destination: {host: a, subset: v9}
      weight: 60
    - destination: {host: nowhere}
      weight: 40
`);
    const subset = g.nodes.find((n) => n.id === 'subset:a.default.svc.cluster.local/v9')!;
    const host = g.nodes.find((n) => n.id === 'host:nowhere.default.svc.cluster.local')!;
    expect([subset.kind, host.kind]).toEqual(['missing', 'missing']);
    expect(subset.problems).toMatchObject([{ code: 'IST0101', line: 27 }]);
    expect(host.problems).toMatchObject([{ code: 'IST0101', line: 29 }]);
    expect(
      g.edges
        .filter((e) => e.kind === 'route')
        .map((e) => e.label)
        .sort(),
    ).toEqual(['40%', '60%']);
    expect(g.nodes.find((n) => n.kind === 'virtualservice')!.problems).toHaveLength(2);
  });

  it('an unbound Gateway reference is drawn as a missing Gateway; a bound one binds with the hosts', () => {
    const g = graphOf(`${SERVICE('a')}---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: a-cert}}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a.example.com], gateways: [istio-system/gw, ghost], http: [{route: [{destination: {host: a}}]}]}
`);
    expect(g.nodes.find((n) => n.id === 'gateway:istio-system/gw')!.attributes.servers).toEqual(['443/HTTPS a.example.com TLS SIMPLE (a-cert)']);
    expect(g.nodes.find((n) => n.id === 'gateway:default/ghost')!.kind).toBe('missing');
    expect(g.edges.filter((e) => e.kind === 'binds').map((e) => [e.from, e.label])).toEqual([
      ['gateway:default/ghost', 'a.example.com'],
      ['gateway:istio-system/gw', 'a.example.com'],
    ]);
  });

  it('--focus keeps what reaches the node and what it reaches, not its siblings', () => {
    const yaml = `${SERVICE('a')}---
${SERVICE('b')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}]}]}
`;
    expect(graphOf(yaml).nodes).toHaveLength(5);
    expect(graphOf(yaml, { focus: 'a' }).nodes.map((n) => n.id)).toEqual([
      'virtualservice:default/a',
      'host:a.default.svc.cluster.local',
      'workload:default/Deployment/a',
    ]);
    expect(graphOf(yaml, { focus: 'b.default.svc.cluster.local' }).nodes.map((n) => n.label)).toEqual(['b', 'b']);
    expect(() => graphOf(yaml, { focus: 'c' })).toThrow(/--focus c/);
  });

  it('namespaces keep their nodes and the nodes one edge away', () => {
    const g = graphOf(
      `${SERVICE('a', 'one')}---
${SERVICE('b', 'two')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a, namespace: one}
spec: {hosts: [a], http: [{route: [{destination: {host: b.two.svc.cluster.local}}]}]}
`,
      { namespaces: ['one'] },
    );
    expect(g.nodes.map((n) => n.id)).toEqual([
      'virtualservice:one/a',
      'host:a.one.svc.cluster.local',
      'host:b.two.svc.cluster.local',
      'workload:one/Deployment/a',
    ]);
  });
});
