// The proxyconfig area: istioctl's config-dump writers (istioctl/pkg/writer/envoy/configdump, what `istioctl
// proxy-config <view> --file` prints) and `mesh proxy-config <view> --file` print the same Envoy config dumps: Istio's
// own test dumps (istioctl/pkg/writer/envoy/configdump/testdata, read in place) and mesh's fixtures
// (test/fixtures/proxy-config), for the cluster, listener, route, secret and bootstrap views, in -o short, json and
// yaml, and a few common filters. Text is compared line by line after collapsing runs of spaces; JSON and YAML as data.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mesh, pool, root } from './common.mjs';

/** The views and the filters each is run with (flags as both CLIs spell them). */
const VIEWS = {
  cluster: [[], ['--direction', 'inbound'], ['--port', '9080']],
  listener: [[], ['--port', '15006'], ['--type', 'HTTP']],
  route: [[], ['--name', '9080']],
  secret: [[]],
  bootstrap: [[]],
};

/** Runs `mesh proxy-config`; resolves to { out, error }. */
function proxyConfig(args) {
  const child = spawn(process.execPath, [mesh, 'proxy-config', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ out: Buffer.concat(out).toString('utf8'), error: code === 0 ? '' : Buffer.concat(err).toString('utf8').trim() }));
  });
}

/** The proxyconfig area, as scripts/istio.mjs runs it. */
export const proxyconfig = {
  name: 'proxyconfig',
  title: "istioctl's config-dump writers vs mesh proxy-config --file, per view, format and filter",
  pkg: './proxyconfig',
  async prepare({ work, istioDir }) {
    const istioData = join(istioDir, 'istioctl/pkg/writer/envoy/configdump/testdata');
    const fixtures = join(root, 'test/fixtures/proxy-config');
    const dumps = [
      { name: 'istio', file: join(istioData, 'configdump.json') },
      { name: 'istio-bootstrap', file: join(istioData, 'bootstrapdump.json') },
      { name: 'productpage', file: join(fixtures, 'productpage.config_dump.json') },
      { name: 'ingressgateway', file: join(fixtures, 'ingressgateway.config_dump.json') },
      { name: 'waypoint', file: join(fixtures, 'waypoint.config_dump.json') },
    ];
    const cases = [];
    for (const dump of dumps) {
      for (const [view, filters] of Object.entries(VIEWS)) {
        for (const filter of filters) {
          for (const format of ['short', 'json', 'yaml']) {
            const label = [view, ...filter].join(' ');
            cases.push({ name: `${dump.name}/${label} -o ${format}`, dump: dump.file, view, filter, format });
          }
        }
      }
    }
    let index = 0;
    for (const c of cases) c.dir = join(work, String(index++).padStart(4, '0'));
    await pool(cases, 3, async (c) => {
      const { out, error } = await proxyConfig([c.view, '--file', c.dump, ...c.filter, '-o', c.format]);
      mkdirSync(c.dir);
      writeFileSync(join(c.dir, 'mesh.out'), out);
      writeFileSync(join(c.dir, 'case.json'), JSON.stringify({ ...c, dir: undefined, error }));
    });
    return { env: { MESH_ISTIO_PROXYCONFIG_DIR: work }, summary: `${cases.length} proxy-config outputs of ${dumps.length} dumps` };
  },
};
