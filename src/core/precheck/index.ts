/** `mesh precheck` core: pure checks over what the adapter read from the API server. */
export { checkKubernetesVersion, parseKubernetesVersion, supportedRange, SUPPORTED_KUBERNETES } from './kube-version.js';
export { guessPlural, kindKey, kindsToResolve, permissionFindings, requiredPermissions, resourceName, type Denied, type KindResource } from './permissions.js';
export { controlPlaneFindings, crdFindings, majorMinor, parseFromVersion, upgradeNotes } from './upgrade.js';
export { judge, PRECHECK_ANALYZER, PRECHECK_ANALYZERS, toMessage, type PrecheckOutcome } from './results.js';
export type { FindingResource, Permission, PrecheckFinding } from './types.js';
