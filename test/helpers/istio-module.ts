/**
 * Where Istio's source at the pinned version sits in the Go module cache: tests read Istio's own test inputs and
 * goldens from there at test time (nothing of it is copied into this repository).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The pinned istio.io/istio module version (test/istio/go.mod). */
export const ISTIO_MODULE_VERSION = 'v0.0.0-20260423205519-b01690e6db7d';

/** The module's directory ($GOMODCACHE, else ~/go/pkg/mod). */
export const istioModuleDir = join(process.env.GOMODCACHE ?? join(homedir(), 'go', 'pkg', 'mod'), 'istio.io', `istio@${ISTIO_MODULE_VERSION}`);

/** Whether the module is there (`go mod download` in test/istio fetches it). */
export const istioModuleAvailable = existsSync(istioModuleDir);

/** A path inside the module. */
export function istioPath(...parts: string[]): string {
  return join(istioModuleDir, ...parts);
}
