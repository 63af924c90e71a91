// Runs the built mesh CLI (bin/mesh.js → dist/) against the test cluster.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubeconfigPath } from './kube.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** What one mesh invocation printed and how it exited. */
export interface MeshResult {
  stdout: string;
  stderr: string;
  /** Exit code; null if it was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Options of {@link runMesh}. */
export interface RunMeshOptions {
  /** Kubeconfig to pass with --kubeconfig (default: the test cluster's admin). */
  kubeconfig?: string;
  /** Text written to mesh's standard input (stdin is closed either way). */
  input?: string;
  /** Kill mesh after this many milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Kill mesh (SIGKILL) when this signal aborts, e.g. to interrupt an install midway. */
  signal?: AbortSignal;
}

/** Runs `node bin/mesh.js <args> --kubeconfig <path>` and captures its output. Never rejects on a non-zero exit. */
export function runMesh(args: string[], opts: RunMeshOptions = {}): Promise<MeshResult> {
  const argv = [join(root, 'bin', 'mesh.js'), ...args, '--kubeconfig', opts.kubeconfig ?? kubeconfigPath()];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    opts.signal?.addEventListener('abort', () => child.kill('SIGKILL'), { once: true });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Runs `mesh install <args> -y`. Right after CRDs are created the API server answers lists of the new kinds with
 * 429 "storage is (re)initializing" and Retry-After; mesh must retry those itself, so there is no second run here.
 */
export async function meshInstall(args: string[], opts: RunMeshOptions = {}): Promise<MeshResult> {
  return runMesh(['install', ...args, '-y'], { timeoutMs: 300_000, ...opts });
}
