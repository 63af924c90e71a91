/** `mesh admin log`'s listing: istioctl's table (ACTIVE SCOPE, DESCRIPTION, LOG LEVEL, STACK TRACE LEVEL) or its JSON rows. */
import { scopeRows, type ScopeInfo } from '../core/admin/scopes.js';
import type { PodRef } from '../core/model/pods.js';
import { renderData } from './format.js';
import { renderTable } from './table.js';

/** The scopes of each istiod asked; an ISTIOD column (and field) appears only when there are several. */
export function renderScopes(answers: readonly { istiod: PodRef; scopes: readonly ScopeInfo[] }[], format: 'short' | 'json' | 'yaml'): string {
  const several = answers.length > 1;
  const rows = answers.flatMap((a) => scopeRows(a.scopes).map((row) => ({ ...(several ? { istiod: `${a.istiod.name}.${a.istiod.namespace}` } : {}), ...row })));
  if (format !== 'short') return renderData(rows, format);
  const header = [...(several ? ['ISTIOD'] : []), 'ACTIVE SCOPE', 'DESCRIPTION', 'LOG LEVEL', 'STACK TRACE LEVEL'];
  const cells = rows.map((r) => [...(several ? [r.istiod!] : []), r.scope_name, r.description, r.log_level, r.stack_trace_level]);
  return renderTable(header, cells, { padding: 3 });
}
