/**
 * The settings `mesh x config` knows (the table only, without the YAML reader, so that src/cli.ts can tell at
 * startup whether there is anything to resolve without loading a parser).
 */

/** One setting: a key of the file, the global flag it sets the default of, and its environment variable. */
export interface SettingSpec {
  /** The key in the file, as istioctl spells it where istioctl has it (`istioNamespace`). */
  key: string;
  /** The global flag's option name (GlobalOptions key) whose default it is. */
  option: 'istioNamespace' | 'namespace' | 'context' | 'kubeconfig';
  /** The environment variable that overrides the file. */
  env: string;
  /** The built-in default ('' when the flag has none). */
  builtIn: string;
  /** One line for `x config list -o yaml` and the docs. */
  description: string;
  /** Refuses a bad value with a reason. */
  check?: (value: string) => string | undefined;
}

const dnsLabel = (v: string): string | undefined =>
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(v) ? undefined : 'not a valid namespace name (RFC 1123 label)';

/** Every setting mesh knows, sorted by key (the order `x config list` prints). */
export const SETTINGS: readonly SettingSpec[] = [
  { key: 'context', option: 'context', env: 'MESH_CONTEXT', builtIn: '', description: 'the kubeconfig context (--context)' },
  {
    key: 'istioNamespace',
    option: 'istioNamespace',
    env: 'MESH_ISTIONAMESPACE',
    builtIn: 'istio-system',
    description: 'the namespace of the Istio control plane (-i, --istioNamespace)',
    check: dnsLabel,
  },
  { key: 'kubeconfig', option: 'kubeconfig', env: 'MESH_KUBECONFIG', builtIn: '', description: 'the kubeconfig file (--kubeconfig)' },
  { key: 'namespace', option: 'namespace', env: 'MESH_NAMESPACE', builtIn: '', description: 'the namespace to work in (-n, --namespace)', check: dnsLabel },
];

/** Whether any MESH_ variable of a setting is set (else, without a file, there is nothing to resolve). */
export function settingsEnvSet(env: Readonly<Record<string, string | undefined>>): boolean {
  return SETTINGS.some((s) => env[s.env] !== undefined && env[s.env] !== '');
}
