/** Returns the path of pilot-discovery built from test/istio's Istio pin (cached in ~/.cache/mesh), building it first when there is none. */
export function ensurePilotDiscovery(): string;
