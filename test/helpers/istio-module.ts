/**
 * Where Istio's Go module (at the version test/istio/go.mod pins) sits in the Go module cache, for tests that read
 * Istio's and istioctl's own test inputs and expectations at test time instead of copying them into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The pinned istio.io/istio module version, read from test/istio/go.mod (the one place it is written). */
function pinnedVersion(): string {
  const gomod = readFileSync(new URL('../istio/go.mod', import.meta.url), 'utf8');
  const version = /^\s*istio\.io\/istio\s+(\S+)/m.exec(gomod)?.[1];
  if (!version) throw new Error('test/istio/go.mod pins no istio.io/istio version');
  return version;
}

/** Where the module is, or would be once downloaded ($ISTIO_MODULE_DIR, else $GOMODCACHE, else ~/go/pkg/mod). */
const moduleDir = process.env.ISTIO_MODULE_DIR ?? join(process.env.GOMODCACHE ?? join(homedir(), 'go', 'pkg', 'mod'), 'istio.io', `istio@${pinnedVersion()}`);

/** Whether the module is there (`go mod download` in test/istio fetches it; .ci/run does so before `npm test`). */
export const istioModuleAvailable = existsSync(moduleDir);

/** The module's directory, or undefined when it has not been downloaded. */
export function istioModuleDir(): string | undefined {
  return istioModuleAvailable ? moduleDir : undefined;
}

/** A path inside the module. */
export function istioPath(...parts: string[]): string {
  return join(moduleDir, ...parts);
}

/**
 * The raw-string (backtick) literal that follows `after` in a Go test file: how istioctl's tests spell an expected
 * output inline (`ExpectedOutput: \`...\``).
 */
export function goRawStringAfter(goSource: string, after: string): string {
  const at = goSource.indexOf(after);
  if (at < 0) throw new Error(`"${after}" is not in the Go test any more`);
  const open = goSource.indexOf('`', at + after.length);
  const close = goSource.indexOf('`', open + 1);
  if (open < 0 || close < 0) throw new Error(`no raw string after "${after}"`);
  return goSource.slice(open + 1, close);
}
