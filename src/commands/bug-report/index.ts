/**
 * `mesh bug-report` (istioctl bug-report): one `.tar.gz` holding what a maintainer needs to diagnose a mesh, with
 * every token, key and certificate redacted and Secrets never read.
 */
import { defineCommand } from '../types.js';
import { bugReportFlags } from './flags.js';

export const bugReport = defineCommand({
  name: 'bug-report',
  summary: 'Collect cluster information, Istio resources, logs and config dumps into one archive for a bug report',
  description:
    'Writes bug-report.tar.gz: the Kubernetes and node versions, the mesh and Istio versions, the Istio and Kubernetes ' +
    'resources of the selected namespaces, the findings of the analyzers, istiod logs and /debug endpoints, and the ' +
    'logs and config dumps of the selected proxies, ztunnel and CNI pods.\n' +
    'Secrets are never read. Tokens, private keys and certificates in anything collected (logs and config dumps ' +
    'included) are replaced by <redacted>; there is no flag to keep them.\n' +
    'Proxy containers are selected with --include / --exclude specs in istioctl syntax:\n' +
    '  ns1,ns2/dep1,dep2/pod1,pod2/lbl1=val1,lbl2=val2/ann1=val1/cntr1,cntr2\n' +
    "meaning '(ns1 OR ns2) AND (dep1 OR dep2) AND ...'; every part is optional (ns1//pod1) and every name but label and " +
    "annotation keys may use '*'. kube-system, kube-public, kube-node-lease and local-path-storage are always left out.\n" +
    'Collection runs --rq-concurrency requests at once. At --timeout, or on Ctrl-C, what was gathered is archived and ' +
    'the rest is listed, with the reason, in the summary (also saved as summary.json in the archive).',
  examples: [
    '# everything, into ./bug-report.tar.gz',
    'mesh bug-report',
    '# only namespace shop and the last hour of logs',
    'mesh bug-report --include shop --duration 1h',
    "# pods named web-* with label app=web in namespaces starting with 'prod', leaving out their config dumps",
    'mesh bug-report --include "prod*//web-*/app=web" --skip-proxy-debug',
    '# what would be collected, as JSON',
    'mesh bug-report --dry-run -o json | jq .tasks',
    '# in CI after a failed test: give up after two minutes, keep the summary',
    'mesh bug-report --timeout 2m --output-dir artifacts -o json > artifacts/bug-report-summary.json',
  ],
  flags: bugReportFlags,
  async run(ctx, opts) {
    const { runBugReport } = await import('./run.js');
    return runBugReport(ctx, opts);
  },
});
