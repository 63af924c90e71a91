/** Whether a kubeconfig is there to try, decided without loading client-node or the file. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GlobalOptions } from '../../context.js';

/** True when some kubeconfig could be used (an explicit flag, $KUBECONFIG, ~/.kube/config, or in-cluster). */
export function kubeconfigAvailable(globals: Pick<GlobalOptions, 'kubeconfig'>, env: Readonly<Record<string, string | undefined>>): boolean {
  if (globals.kubeconfig) return true;
  if (env.KUBECONFIG) return env.KUBECONFIG.split(':').some((p) => p && existsSync(p));
  if (env.KUBERNETES_SERVICE_HOST) return true;
  return existsSync(join(env.HOME ?? homedir(), '.kube', 'config'));
}

/** The one-line reason no cluster is configured, naming every place mesh looked. */
export const NO_KUBECONFIG = 'no cluster configured: no --kubeconfig, KUBECONFIG is unset (or names no file) and ~/.kube/config does not exist';

/** What to do about it. */
export const NO_KUBECONFIG_HINT = 'pass --kubeconfig <file> or set KUBECONFIG to point mesh at a cluster';
