/** `demo`: everything on for trying Istio out: egress gateway, access logs, 100% tracing, small requests, more ingress ports. */
import type { Profile } from './types.js';

const small = (memory = '40Mi') => ({ requests: { cpu: '10m', memory } });
const otel = { port: 4317, service: 'opentelemetry-collector.observability.svc.cluster.local' };

/** The demo profile (manifests/profiles/demo.yaml plus the charts' profile-demo.yaml values). */
export const demo: Profile = {
  name: 'demo',
  description: 'showcases Istio features with low resource requests: egress gateway, access logs, 100% tracing (not for production)',
  overlay: {
    profile: 'demo',
    components: { egressGateways: [{ name: 'istio-egressgateway', enabled: true }] },
    meshConfig: {
      accessLogFile: '/dev/stdout',
      extensionProviders: [
        { name: 'otel', envoyOtelAls: { ...otel } },
        { name: 'skywalking', skywalking: { service: 'tracing.istio-system.svc.cluster.local', port: 11800 } },
        { name: 'otel-tracing', opentelemetry: { ...otel } },
        { name: 'jaeger', opentelemetry: { port: 4317, service: 'jaeger-collector.istio-system.svc.cluster.local' } },
      ],
    },
    values: {
      profile: 'demo',
      cni: { resources: small() },
      ztunnel: { resources: small() },
      global: { proxy: { resources: small() }, waypoint: { resources: small() } },
      pilot: { autoscaleEnabled: false, traceSampling: 100, resources: small('100Mi') },
      gateways: {
        'istio-egressgateway': { autoscaleEnabled: false, resources: small() },
        'istio-ingressgateway': {
          autoscaleEnabled: false,
          resources: small(),
          // The first port is the health-check port: cloud load balancers probe the first port of the list.
          ports: [
            { port: 15021, targetPort: 15021, name: 'status-port' },
            { port: 80, targetPort: 8080, name: 'http2' },
            { port: 443, targetPort: 8443, name: 'https' },
            { port: 31400, targetPort: 31400, name: 'tcp' },
            { port: 15443, targetPort: 15443, name: 'tls' },
          ],
        },
      },
    },
  },
};
