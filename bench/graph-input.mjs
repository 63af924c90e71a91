// A generated mesh for `mesh graph` at scale (the bench and the browser test): `services` Services in namespaces of
// 100, each with two Deployments (v1, v2), a DestinationRule with both subsets, and a VirtualService: every third
// service a 90/10 split, every fifth one a header match to v2 with retries, every seventh a circuit breaker; one
// Gateway per namespace admits the first ten services of it. Deterministic, so runs compare.

/** The YAML of one service and its routing (index `i`). */
function service(i) {
  const ns = `team-${Math.floor(i / 100)}`;
  const name = `svc-${i}`;
  const deployment = (v) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}-${v}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}, version: ${v}}}
  template:
    metadata: {labels: {app: ${name}, version: ${v}}}
    spec: {containers: [{name: app, image: example/${name}:${v}}]}
`;
  const split = `[{destination: {host: ${name}, subset: v1}, weight: 90}, {destination: {host: ${name}, subset: v2}, weight: 10}]`;
  const routes =
    i % 5 === 0
      ? `[{match: [{headers: {x-canary: {exact: "true"}}}], route: [{destination: {host: ${name}, subset: v2}}], retries: {attempts: 3, perTryTimeout: 1s}}, {route: [{destination: {host: ${name}, subset: v1}}]}]`
      : i % 3 === 0
        ? `[{route: ${split}}]`
        : `[{match: [{uri: {prefix: /api}}], route: [{destination: {host: ${name}, subset: v1}}], timeout: 5s}]`;
  const policy = i % 7 === 0 ? ', trafficPolicy: {connectionPool: {tcp: {maxConnections: 10}}, outlierDetection: {consecutive5xxErrors: 3, interval: 5s}}' : '';
  const gateway = i % 100 < 10 ? `gateways: [ingress, mesh], hosts: [${name}, ${name}.${ns}.example.com]` : `hosts: [${name}]`;
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{name: http, port: 8080}]}
---
${deployment('v1')}---
${deployment('v2')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}, namespace: ${ns}}
spec: {host: ${name}, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]${policy}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec: {${gateway}, http: ${routes}}
`;
}

/** The Gateway of namespace `n`. */
function gateway(n) {
  return `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ingress, namespace: team-${n}}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*.team-${n}.example.com"]}]}
`;
}

/** Multi-document YAML of `services` services (a multiple of 100 keeps every namespace whole). */
export function meshYaml(services) {
  const docs = [];
  for (let n = 0; n < Math.ceil(services / 100); n++) docs.push(gateway(n));
  for (let i = 0; i < services; i++) docs.push(service(i));
  return docs.join('---\n');
}
