/** Shapes shared by the precheck core: findings as data, before they become analysis messages. */
import type { MessageCode } from '../model/messages.js';

/** What a finding is about, when it is about one object (otherwise it is about the cluster as a whole). */
export interface FindingResource {
  kind: string;
  apiVersion: string;
  namespace: string;
  name: string;
}

/** One precheck result: a catalog code, its template arguments, and the object it concerns (if any). */
export interface PrecheckFinding {
  code: MessageCode;
  args: readonly unknown[];
  resource?: FindingResource;
}

/** One permission the install needs: `verb` on `resource` of `group`, in `namespace` ('' = cluster-wide). */
export interface Permission {
  group: string;
  resource: string;
  verb: string;
  namespace: string;
}
