/** WorkloadEntry (and WorkloadGroup template, ServiceEntry endpoints): addresses that are IPs, host names or sockets; valid labels. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each, entries } from '../types.js';
import { labelKeyError, labelValueError, plainHostError } from '../names.js';
import { isIpAddress } from '../net.js';

/** Checks one WorkloadEntry-shaped object. */
export function checkWorkloadEntry(we: any, at: FieldPath, ctx: RuleContext): void {
  if (!we || typeof we !== 'object') return;
  const address = we.address;
  if (typeof address === 'string' && address !== '' && !address.startsWith('unix://') && !isIpAddress(address) && plainHostError(address)) {
    ctx.report([...at, 'address'], `address "${address}" is not an IP address, host name or unix:// socket`);
  }
  for (const [key, value] of entries(we.labels)) {
    const problem = labelKeyError(key) ?? (typeof value === 'string' ? labelValueError(value) : undefined);
    if (problem) ctx.report([...at, 'labels', key], `invalid label ${key}=${String(value)}: ${problem}`);
  }
}

export const workloadEntryAddress: SemanticRule = {
  name: 'common.workload-entry',
  description: 'workload addresses are IPs, host names or unix sockets; labels are valid',
  kinds: ['WorkloadEntry', 'WorkloadGroup', 'ServiceEntry'],
  check(spec, ctx) {
    if (ctx.object.kind === 'WorkloadEntry') checkWorkloadEntry(spec, ['spec'], ctx);
    else if (ctx.object.kind === 'WorkloadGroup') {
      checkWorkloadEntry(spec.template, ['spec', 'template'], ctx);
      if (spec.template?.address) ctx.report(['spec', 'template', 'address'], "the template address is replaced by each VM's own address", 'warning');
      for (const [key, value] of entries(spec.metadata?.labels)) {
        const problem = labelKeyError(key) ?? (typeof value === 'string' ? labelValueError(value) : undefined);
        if (problem) ctx.report(['spec', 'metadata', 'labels', key], `invalid label ${key}=${String(value)}: ${problem}`);
      }
    } else each(spec.endpoints, (e: any, i) => checkWorkloadEntry({ labels: e?.labels }, ['spec', 'endpoints', i], ctx));
  },
};
