// The waypoint area: `mesh waypoint generate|list|status` vs istioctl's own waypoint command (istioctl/pkg/waypoint),
// which the Go test (test/istio/waypoint) runs with istioctl's fake client. Cases: every combination of --name, -n,
// --for and --revision for generate (refused values included), and the list/status cases of istioctl's
// waypoint_test.go, whose goldens (istioctl/pkg/waypoint/testdata/waypoint) the Go side also holds istioctl to.
// mesh reads the cases' Gateways from a small API server on 127.0.0.1 that this file runs while mesh runs.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, mesh } from './common.mjs';

const GROUP_VERSION = 'gateway.networking.k8s.io/v1';

/** A Gateway as istioctl's test builds it (makeGateway): a class, one Programmed condition, optional labels. */
function gateway(name, namespace, programmed, isWaypoint, labels) {
  return {
    apiVersion: GROUP_VERSION,
    kind: 'Gateway',
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    spec: { gatewayClassName: isWaypoint ? 'istio-waypoint' : 'other', listeners: [] },
    status: { conditions: [{ type: 'Programmed', status: programmed ? 'True' : 'False', reason: '', message: '', lastTransitionTime: null }] },
  };
}

/** The cases of istioctl's TestWaypointList and TestWaypointStatus, by the name of their golden file. */
function clusterCases() {
  const two = [gateway('waypoint', 'default', true, true), gateway('waypoint', 'fake', true, true)];
  return [
    { name: 'no-gateway', args: ['list'], gateways: [] },
    { name: 'default-gateway', args: ['list'], gateways: two },
    { name: 'all-gateway', args: ['list', '-A'], gateways: two },
    {
      name: 'combined-gateway',
      args: ['list', '-A'],
      gateways: [
        gateway('bookinfo', 'default', false, true),
        gateway('bookinfo-invalid', 'fake', true, false),
        gateway('waypoint', 'default', false, true),
        gateway('bookinfo-valid', 'bookinfo', true, true),
        gateway('no-name-convention', 'default', true, true),
        gateway('bookinfo-rev', 'bookinfo', true, true, { 'istio.io/rev': 'rev1' }),
        gateway('bookinfo-traffic-type', 'bookinfo', true, true, { 'istio.io/waypoint-for': 'all' }),
      ],
    },
    { name: 'waypoint-status-ready', args: ['status'], gateways: [gateway('waypoint', 'default', true, true)] },
    {
      name: 'waypoint-status-all',
      args: ['status', '--all-namespaces'],
      gateways: ['fake1', 'fake2', 'fake3'].map((ns) => gateway('waypoint', ns, true, true)),
    },
    { name: 'waypoint-notready-wait', args: ['status', '--waypoint-timeout', '0.5s'], gateways: [gateway('waypoint', 'default', false, true)] },
    {
      name: 'waypoint-status-notready',
      args: ['status', '--wait=false', '--waypoint-timeout', '0.5s'],
      gateways: [gateway('waypoint', 'default', false, true)],
    },
  ];
}

/** Every combination of generate's flags: name (default, empty, custom, the reserved none), -n, --for, -r. */
function generateCases() {
  const cases = [];
  for (const name of [undefined, '', 'wp-1', 'none'])
    for (const ns of [undefined, 'shop'])
      for (const forType of [undefined, 'service', 'workload', 'all', 'none', 'pods'])
        for (const rev of [undefined, 'canary']) {
          const args = ['generate'];
          if (name !== undefined) args.push('--name', name);
          if (forType !== undefined) args.push('--for', forType);
          if (rev !== undefined) args.push('--revision', rev);
          const label = [`name=${name ?? '-'}`, `ns=${ns ?? '-'}`, `for=${forType ?? '-'}`, `rev=${rev ?? '-'}`].join(',');
          cases.push({ name: `generate/${label}`, args, namespace: ns ?? '', gateways: [] });
        }
  return cases;
}

/** Serves the Gateways of the case currently running (discovery, list, get); everything else is 404. */
function startApiServer(current) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const prefix = `/apis/${GROUP_VERSION}`;
    if (url.pathname === prefix) return send(200, { resources: [{ name: 'gateways', kind: 'Gateway', namespaced: true }] });
    const m = new RegExp(`^${prefix}(?:/namespaces/([^/]+))?/gateways(?:/([^/]+))?$`).exec(url.pathname);
    if (!m || req.method !== 'GET') return send(404, { kind: 'Status', reason: 'NotFound', message: `${url.pathname} not found` });
    const [, ns, name] = m;
    const items = current.gateways.filter((g) => (!ns || g.metadata.namespace === ns) && (!name || g.metadata.name === name));
    if (name) return items[0] ? send(200, items[0]) : send(404, { kind: 'Status', reason: 'NotFound', message: `gateways "${name}" not found` });
    return send(200, { kind: 'GatewayList', items, metadata: {} });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs mesh with `args`; resolves to its stdout, stderr and exit code. */
function runMesh(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mesh, ...args], { env: { ...process.env, ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? 1 }));
  });
}

/** The waypoint area, as scripts/istio.mjs runs it. */
export const waypoint = {
  name: 'waypoint',
  title: "istioctl's waypoint command (fake client) vs mesh waypoint generate|list|status",
  pkg: './waypoint',
  async prepare({ work }) {
    const current = { gateways: [] };
    const server = await startApiServer(current);
    const kubeconfig = join(work, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: oracle',
        `clusters: [{name: oracle, cluster: {server: "http://127.0.0.1:${server.address().port}", insecure-skip-tls-verify: true}}]`,
        'contexts: [{name: oracle, context: {cluster: oracle, user: u, namespace: default}}]',
        'users: [{name: u, user: {token: t}}]',
        '',
      ].join('\n'),
    );
    const cases = [...generateCases(), ...clusterCases().map((c) => ({ ...c, namespace: 'default', golden: c.name, name: `cluster/${c.name}` }))];
    try {
      for (const [i, c] of cases.entries()) {
        current.gateways = c.gateways;
        const ns = c.namespace ? ['-n', c.namespace] : [];
        const result = await runMesh(['waypoint', ...c.args, ...ns], { KUBECONFIG: kubeconfig });
        const dir = join(work, String(i).padStart(4, '0'));
        mkdirSync(dir);
        writeFileSync(join(dir, 'case.json'), JSON.stringify({ ...c, mesh: result }, null, 2));
      }
    } finally {
      server.close();
    }
    if (!cases.length) fail('the waypoint area has no case');
    return { env: { MESH_ISTIO_WAYPOINT_DIR: work }, summary: `${cases.length} waypoint cases` };
  },
};
