/** DestinationRule traffic policies (top level, per port, per subset): ranges and combinations Istio rejects. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';
import { parseDuration } from '../../formats.js';

const nonNegative = ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'];

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let i = 2; i * i <= n; i++) if (n % i === 0) return false;
  return true;
}

function checkPolicy(p: any, at: FieldPath, ctx: RuleContext, portLevel: boolean): void {
  if (!p || typeof p !== 'object') return;
  const pool = p.connectionPool;
  if (pool) {
    if (!pool.http && !pool.tcp) ctx.report([...at, 'connectionPool'], 'connectionPool must set http or tcp');
    for (const key of nonNegative)
      if (typeof pool.http?.[key] === 'number' && pool.http[key] < 0) ctx.report([...at, 'connectionPool', 'http', key], `${key} must not be negative`);
    if (typeof pool.tcp?.maxConnections === 'number' && pool.tcp.maxConnections < 0)
      ctx.report([...at, 'connectionPool', 'tcp', 'maxConnections'], 'maxConnections must not be negative');
    if (pool.http?.h2UpgradePolicy === 'UPGRADE' && pool.http?.useClientProtocol === true)
      ctx.report([...at, 'connectionPool', 'http'], 'useClientProtocol must not be true when h2UpgradePolicy is UPGRADE');
  }
  const od = p.outlierDetection;
  if (od) {
    for (const key of ['maxEjectionPercent', 'minHealthPercent']) {
      if (typeof od[key] === 'number' && (od[key] < 0 || od[key] > 100))
        ctx.report([...at, 'outlierDetection', key], `${key} ${od[key]} must be between 0 and 100`);
    }
    if (od.consecutiveErrors !== undefined)
      ctx.report(
        [...at, 'outlierDetection', 'consecutiveErrors'],
        'consecutiveErrors is deprecated; use consecutive5xxErrors or consecutiveGatewayErrors',
        'warning',
      );
    if (!od.splitExternalLocalOriginErrors && typeof od.consecutiveLocalOriginFailures === 'number' && od.consecutiveLocalOriginFailures > 0) {
      ctx.report([...at, 'outlierDetection', 'consecutiveLocalOriginFailures'], 'consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors: true');
    }
  }
  const lb = p.loadBalancer;
  const hash = lb?.consistentHash;
  if (hash) {
    const algo = hash.ringHash ?? hash.maglev;
    if (hash.minimumRingSize !== undefined && algo) ctx.report([...at, 'loadBalancer', 'consistentHash'], 'set minimumRingSize or ringHash/maglev, not both');
    if (hash.ringHash && hash.maglev) ctx.report([...at, 'loadBalancer', 'consistentHash'], 'set ringHash or maglev, not both');
    const keys = ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'].filter((k) => hash[k] !== undefined && hash[k] !== false);
    // The hash key is a protobuf oneof: Istio fails to read a rule that sets two of them.
    if (keys.length > 1)
      ctx.report(
        [...at, 'loadBalancer', 'consistentHash'],
        `set only one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName; found ${keys.join(', ')}`,
      );
    const size = hash.maglev?.tableSize;
    if (hash.maglev && (typeof size !== 'number' || size === 0))
      ctx.report([...at, 'loadBalancer', 'consistentHash', 'maglev'], 'tableSize must be set for maglev');
    else if (typeof size === 'number' && (size >= 5000011 || !isPrime(size)))
      ctx.report([...at, 'loadBalancer', 'consistentHash', 'maglev', 'tableSize'], `tableSize ${size} must be a prime number below 5000011`);
    const names = new Set<string>();
    each(hash.httpCookie?.attributes, (a: any, j) => {
      if (typeof a?.name !== 'string') return;
      if (names.has(a.name)) ctx.report([...at, 'loadBalancer', 'consistentHash', 'httpCookie', 'attributes', j], `duplicate cookie attribute "${a.name}"`);
      names.add(a.name);
    });
    if (hash.minimumRingSize !== undefined)
      ctx.report([...at, 'loadBalancer', 'consistentHash', 'minimumRingSize'], 'minimumRingSize is deprecated; use ringHash.minimumRingSize', 'warning');
  }
  const locality = lb?.localityLbSetting;
  if (locality) {
    if (Array.isArray(locality.distribute) && Array.isArray(locality.failover) && locality.distribute.length && locality.failover.length) {
      ctx.report([...at, 'loadBalancer', 'localityLbSetting'], 'set distribute or failover, not both');
    }
    each(locality.distribute, (d: any, j) => {
      const total = Object.values(d?.to ?? {}).reduce((s: number, w) => s + (typeof w === 'number' ? w : 0), 0);
      if (d?.to && total !== 100)
        ctx.report([...at, 'loadBalancer', 'localityLbSetting', 'distribute', j, 'to'], `locality weights add up to ${total}; they must add up to 100`);
    });
    each(locality.failover, (f: any, j) => {
      if (f?.from && f.from === f.to) ctx.report([...at, 'loadBalancer', 'localityLbSetting', 'failover', j], `failover from "${f.from}" to itself`);
      if (typeof f?.from === 'string' && f.from.includes('/'))
        ctx.report([...at, 'loadBalancer', 'localityLbSetting', 'failover', j, 'from'], 'failover is by region: from must not contain /');
    });
  }
  const tls = p.tls;
  if (tls?.mode === 'ISTIO_MUTUAL') {
    for (const key of ['clientCertificate', 'privateKey', 'caCertificates', 'credentialName']) {
      if (tls[key]) ctx.report([...at, 'tls', key], `ISTIO_MUTUAL uses Istio's certificates: ${key} must not be set`);
    }
  } else if (tls?.mode === 'MUTUAL' && !tls.credentialName) {
    if (!tls.clientCertificate) ctx.report([...at, 'tls'], 'MUTUAL TLS needs clientCertificate (or credentialName)');
    if (!tls.privateKey) ctx.report([...at, 'tls'], 'MUTUAL TLS needs privateKey (or credentialName)');
  }
  if (p.tunnel?.protocol !== undefined && !['CONNECT', 'POST'].includes(p.tunnel.protocol))
    ctx.report([...at, 'tunnel', 'protocol'], `tunnel protocol must be CONNECT or POST, got "${p.tunnel.protocol}"`);
  if (p.tunnel && (typeof p.tunnel.targetPort !== 'number' || p.tunnel.targetPort < 1 || p.tunnel.targetPort > 65535))
    ctx.report([...at, 'tunnel', 'targetPort'], 'tunnel targetPort must be between 1 and 65535');
  const idle = p.connectionPool?.tcp?.idleTimeout;
  if (typeof idle === 'string' && parseDuration(idle) !== undefined && parseDuration(idle)! !== 0 && parseDuration(idle)! < 1e6)
    ctx.report([...at, 'connectionPool', 'tcp', 'idleTimeout'], 'idleTimeout must be 0s (off) or at least 1ms');
  if (!portLevel) {
    const ports = new Set<number>();
    each(p.portLevelSettings, (pl: any, j) => {
      const n = pl?.port?.number;
      if (typeof n !== 'number' || n < 1 || n > 65535)
        ctx.report([...at, 'portLevelSettings', j, 'port'], 'portLevelSettings need a port number between 1 and 65535');
      else if (ports.has(n)) ctx.report([...at, 'portLevelSettings', j, 'port', 'number'], `duplicate settings for port ${n}`);
      else ports.add(n);
      checkPolicy(pl, [...at, 'portLevelSettings', j], ctx, true);
    });
  }
}

export const destinationRuleTrafficPolicy: SemanticRule = {
  name: 'destinationrule.traffic-policy',
  description: 'connection pool, outlier detection, load balancer, TLS and tunnel settings are consistent and within range',
  kinds: ['DestinationRule'],
  check(spec, ctx) {
    checkPolicy(spec.trafficPolicy, ['spec', 'trafficPolicy'], ctx, false);
    each(spec.subsets, (s: any, i) => checkPolicy(s?.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy'], ctx, false));
  },
};
