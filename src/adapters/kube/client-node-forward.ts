/**
 * client-node's PortForward (websocket streams through the API server), in a chunk of its own so that `ws` loads
 * only for port-forwarding commands (proxy-config, proxy-status, dashboard), not for every cluster command.
 * See ./client-node-config.ts for why client-node is reached through these modules; ./port-forward.ts imports it lazily.
 */
export { PortForward } from '@kubernetes/client-node';
