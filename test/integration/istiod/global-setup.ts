// Builds (or finds in ~/.cache/mesh) pilot-discovery before any cluster starts, so that a cold build,
// which takes minutes, is not charged to a test's or hook's timeout.
import { ensurePilotDiscovery } from '../../cluster/pilot-discovery.mjs';

export default function setup(): void {
  ensurePilotDiscovery();
}
