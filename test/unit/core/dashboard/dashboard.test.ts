import { describe, expect, it } from 'vitest';
import { DASHBOARDS, type Dashboard } from '../../../../src/core/dashboard/catalog.js';
import { checkAddress, dashboardUrl, installHint, localPorts, monitoringPort, podTarget } from '../../../../src/core/dashboard/dashboards.js';
import { parsePort } from '../../../../src/commands/flags.js';
import { noBrowserReason } from '../../../../src/adapters/browser.js';
import { UsageError } from '../../../../src/errors.js';

const byName = (name: string): Dashboard => DASHBOARDS.find((d) => d.name === name)!;

describe('catalog', () => {
  it("has istioctl 1.30's selectors, ports and paths", () => {
    expect(DASHBOARDS.map((d) => [d.name, d.selector ?? d.kind, d.remotePort, d.path])).toEqual([
      ['kiali', 'app=kiali', 20001, '/kiali'],
      ['prometheus', 'app.kubernetes.io/name=prometheus', 9090, ''],
      ['grafana', 'app.kubernetes.io/name=grafana', 3000, ''],
      ['jaeger', 'app=jaeger', 16686, '/jaeger'],
      ['zipkin', 'app=zipkin', 9411, ''],
      ['skywalking', 'app=skywalking-ui', 8080, ''],
      ['envoy', 'proxy', 15000, ''],
      ['proxy', 'proxy', 15000, ''],
      ['controlz', 'istiod', 9876, ''],
      ['istiod-debug', 'istiod', 15014, '/debug'],
    ]);
  });
  it('gives every add-on an install hint', () => {
    for (const d of DASHBOARDS.filter((x) => x.kind === 'addon'))
      expect(installHint(d)).toMatch(/^install it with: kubectl apply -f https:\/\/.*\/release-1\.30\/samples\/addons\//);
    expect(installHint(byName('envoy'))).toBeUndefined();
  });
});

describe('podTarget', () => {
  it('takes a pod or a selector for proxies, never both', () => {
    expect(podTarget(byName('proxy'), { arg: 'web-1.ns' })).toEqual({ by: 'name', arg: 'web-1.ns' });
    expect(podTarget(byName('envoy'), { selector: 'app=web' })).toEqual({ by: 'selector', selector: 'app=web' });
    expect(() => podTarget(byName('proxy'), {})).toThrow(UsageError);
    expect(() => podTarget(byName('proxy'), { arg: 'a', selector: 'b=c' })).toThrow('name cannot be provided when a selector is specified');
  });
  it('narrows istiod selectors to app=istiod and turns --revision into one', () => {
    expect(podTarget(byName('controlz'), { revision: 'canary' })).toEqual({ by: 'selector', selector: 'istio.io/rev=canary,app=istiod' });
    expect(podTarget(byName('istiod-debug'), { selector: 'tier=cp' })).toEqual({ by: 'selector', selector: 'tier=cp,app=istiod' });
    expect(() => podTarget(byName('controlz'), { arg: 'a', revision: 'r' })).toThrow('only one of name, --selector, or --revision can be specified');
  });
  it('refuses a pod for an add-on', () => {
    expect(() => podTarget(byName('kiali'), { arg: 'x' })).toThrow(UsageError);
  });
});

describe('addresses, ports and URLs', () => {
  it.each(['localhost', '127.0.0.1', '0.0.0.0', '::1', '::'])('accepts --address %s', (a) => expect(() => checkAddress(a)).not.toThrow());
  it.each(['example.com', 'localhost:80', '300.1.1.1', ''])('rejects --address %j', (a) => expect(() => checkAddress(a)).toThrow(UsageError));
  it('parses ports, 0 only where it means any', () => {
    expect(parsePort('0', '--port', true)).toBe(0);
    expect(parsePort('65535', '--ui-port')).toBe(65535);
    expect(() => parsePort('0', '--ui-port')).toThrow('--ui-port: "0" is not a port number (1-65535)');
    expect(() => parsePort('8080x', '--port', true)).toThrow(UsageError);
  });
  it("prefers the UI's own port, then any; an explicit --port is the only choice", () => {
    expect(localPorts(undefined, 20001)).toEqual([20001, 0]);
    expect(localPorts(0, 20001)).toEqual([0]);
    expect(localPorts(8080, 20001)).toEqual([8080]);
  });
  it('builds URLs, bracketing IPv6', () => {
    expect(dashboardUrl('localhost', 20001, '/kiali')).toBe('http://localhost:20001/kiali');
    expect(dashboardUrl('::1', 9090, '')).toBe('http://[::1]:9090');
  });
  it("reads istiod's monitoring port from prometheus.io/port", () => {
    expect(monitoringPort({ 'prometheus.io/port': '15015' })).toBe(15015);
    expect(monitoringPort({ 'prometheus.io/port': 'http' })).toBe(15014);
    expect(monitoringPort({})).toBe(15014);
  });
});

describe('noBrowserReason', () => {
  it('needs a display on Linux unless $BROWSER is set; never on macOS or Windows', () => {
    expect(noBrowserReason({}, 'linux')).toMatch(/no graphical display/);
    expect(noBrowserReason({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(noBrowserReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBeUndefined();
    expect(noBrowserReason({ BROWSER: 'lynx' }, 'linux')).toBeUndefined();
    expect(noBrowserReason({}, 'darwin')).toBeUndefined();
    expect(noBrowserReason({}, 'win32')).toBeUndefined();
  });
});
