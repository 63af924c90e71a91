// The ztunnel area: ztunnel config dumps (mesh's generated fixtures, test/fixtures/ztunnel, and Istio's own
// istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json from the module) go to `mesh ztunnel-config <view> --file`
// for every view, output format and filter, and, in the Go test (test/istio/ztunnel), to istioctl's own ztunnel
// writer (ConfigWriter.Prime + Print*) with the same filters; the outputs must be byte-for-byte the same. mesh runs
// in this process (dist/cli.js's main), one case after the other.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail, root } from './common.mjs';

/** The dumps: mesh's generated ones (the malformed fixtures are error cases, not dumps) and Istio's testdata dump. */
function dumps(istioDir) {
  const ours = ['ambient', 'ambient-list', 'edge'].map((n) => ({ name: n, file: join(root, `test/fixtures/ztunnel/${n}.config_dump.json`) }));
  return [...ours, { name: 'istio', file: join(istioDir, 'istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json') }];
}

/** The first value of a list or map section, for filters that select something the dump has. */
function first(section) {
  if (!section) return undefined;
  return Array.isArray(section) ? section[0] : Object.values(section)[0];
}

/**
 * Each view with its filter variants: `flags` are mesh's, `filter` is what the Go side passes to the writer. The
 * values come from the dump itself (the first workload's namespace, node and address), so every filter selects.
 */
function variants(dump) {
  const wl = first(dump.workloads) ?? {};
  const ns = wl.namespace ?? 'default';
  const policyNs = first(dump.policies)?.namespace ?? ns;
  const connNs = first(dump.workloadState)?.info?.namespace ?? ns;
  return [
    { view: 'workload', id: 'workload', flags: [], filter: {} },
    { view: 'workload', id: 'workload-namespace', flags: ['--workload-namespace', ns.toUpperCase()], filter: { namespace: ns.toUpperCase() } },
    { view: 'workload', id: 'workload-node', flags: ['--workload-node', wl.node ?? 'n'], filter: { node: wl.node ?? 'n' } },
    {
      view: 'workload',
      id: 'workload-address',
      flags: ['--address', wl.workloadIps?.[0] ?? '10.0.0.1'],
      filter: { address: wl.workloadIps?.[0] ?? '10.0.0.1' },
    },
    { view: 'service', id: 'service', flags: [], filter: {} },
    { view: 'service', id: 'service-namespace', flags: ['--service-namespace', ns], filter: { namespace: ns } },
    { view: 'policy', id: 'policy', flags: [], filter: {} },
    { view: 'policy', id: 'policy-namespace', flags: ['--policy-namespace', policyNs], filter: { namespace: policyNs } },
    { view: 'certificate', id: 'certificate', flags: [], filter: {} },
    { view: 'connections', id: 'connections', flags: [], filter: {} },
    { view: 'connections', id: 'connections-inbound', flags: ['--direction', 'inbound'], filter: { direction: 'inbound' } },
    { view: 'connections', id: 'connections-outbound-raw', flags: ['--direction', 'outbound', '--raw'], filter: { direction: 'outbound', raw: true } },
    { view: 'connections', id: 'connections-namespace', flags: ['--workload-namespace', connNs], filter: { namespace: connNs } },
    { view: 'all', id: 'all', flags: [], filter: {} },
    { view: 'all', id: 'all-headers', flags: ['--with-headers'], filter: { withHeaders: true }, formats: ['short'] },
  ];
}

/** The ztunnel area, as scripts/istio.mjs runs it. */
export const ztunnel = {
  name: 'ztunnel',
  title: "istioctl's ztunnel writer vs mesh ztunnel-config, byte for byte, per view, format and filter",
  pkg: './ztunnel',
  async prepare({ work, istioDir }) {
    const { main } = await import(pathToFileURL(join(root, 'dist/cli.js')).href);
    const cases = [];
    for (const d of dumps(istioDir)) {
      let parsed;
      try {
        parsed = JSON.parse(readFileSync(d.file, 'utf8'));
      } catch (error) {
        fail(`${d.file}: ${error.message}`);
      }
      for (const v of variants(parsed)) {
        for (const output of v.formats ?? ['short', 'json', 'yaml']) {
          const name = `${d.name}/${v.id}${output === 'short' ? '' : `-${output}`}`;
          let stdout = '';
          let stderr = '';
          const io = {
            out: (t) => void (stdout += t),
            err: (t) => void (stderr += t),
            readStdin: async () => Buffer.alloc(0),
            env: {},
            stdoutIsTTY: false,
            stderrIsTTY: false,
          };
          const code = await main(['ztunnel-config', v.view, '--file', d.file, '-o', output, ...v.flags], io);
          const dir = join(work, String(cases.length).padStart(4, '0'));
          mkdirSync(dir);
          writeFileSync(join(dir, 'mesh.out'), stdout);
          writeFileSync(
            join(dir, 'case.json'),
            JSON.stringify({ name, dump: d.file, view: v.view, output, filter: v.filter, listForm: Array.isArray(parsed.workloads), code, stderr }),
          );
          cases.push(name);
        }
      }
    }
    return { env: { MESH_ISTIO_ZTUNNEL_DIR: work }, summary: `${cases.length} cases on ${dumps(istioDir).length} dumps` };
  },
};
