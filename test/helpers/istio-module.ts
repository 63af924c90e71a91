/**
 * Where Istio's Go module (at the version test/istio/go.mod pins) sits in the Go module cache, for tests that read
 * istioctl's own test inputs and expectations at test time instead of copying them into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The module's directory, or undefined when it has not been downloaded (`npm run test:istio` downloads it). */
export function istioModuleDir(): string | undefined {
  const gomod = readFileSync(new URL('../istio/go.mod', import.meta.url), 'utf8');
  const version = /^\s*istio\.io\/istio\s+(\S+)/m.exec(gomod)?.[1];
  if (!version) throw new Error('test/istio/go.mod pins no istio.io/istio version');
  const dir = process.env.ISTIO_MODULE_DIR ?? join(process.env.GOMODCACHE ?? join(homedir(), 'go', 'pkg', 'mod'), 'istio.io', `istio@${version}`);
  return existsSync(dir) ? dir : undefined;
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
