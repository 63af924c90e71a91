/**
 * The part of @kubernetes/client-node that every cluster command uses: KubeConfig (kubeconfig loading, contexts,
 * TLS, token, exec and OIDC auth for a request). scripts/build.mjs bundles client-node into the chunk of this module,
 * tree-shaken to what these names reach: the package's index would load all of its ~1,000 generated API modules
 * (about 1 s here) for classes mesh never uses. Name here only what mesh uses; ./client.ts imports it lazily.
 */
export { KubeConfig } from '@kubernetes/client-node';
