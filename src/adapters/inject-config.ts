/**
 * Gathers kube-inject's configuration from where istioctl finds it: files named by flags, an IstioOperator file,
 * or the `istio` and `istio-sidecar-injector` ConfigMaps of a reachable cluster. The cluster is tried only when a
 * kubeconfig exists, so offline use never loads the Kubernetes client.
 */
import jsyaml from 'js-yaml';
import type { GlobalOptions } from '../context.js';
import { InputError } from '../errors.js';
import { YAML11_SCHEMA } from '../core/yaml/schema11.js';
import { isMap, type JsonObject as Tree } from '../core/tree.js';
import { readTextFile } from './files.js';
import { loadDocuments } from '../core/yaml/load.js';

/** Parses a YAML or JSON file into a mapping, through the reader every command uses (same checks and errors). */
export async function readYamlMap(path: string, what: string): Promise<Tree> {
  const docs = loadDocuments(await readTextFile(path), path).filter((d) => !d.empty);
  if (docs.length > 1) throw new InputError(`${path}:${docs[1]!.line}: ${what} must be a single YAML document`);
  const value = docs[0]?.value;
  if (value === null || value === undefined) return {};
  if (!isMap(value)) throw new InputError(`${path}:${docs[0]!.line}: ${what} must be a YAML mapping`);
  return value;
}

/** Istio 1.30's built-in injection template names: mesh renders these itself, whatever text the ConfigMap holds. */
const ISTIO_TEMPLATES = ['sidecar', 'gateway', 'grpc-simple', 'grpc-agent', 'waypoint', 'kube-gateway', 'agentgateway'];

/** Reads the injector ConfigMap's data (`--injectConfigFile`): refuses custom templates mesh cannot honour. */
export async function checkInjectConfigFile(path: string): Promise<string[]> {
  const { renderableTemplates } = await import('../core/inject/templates.js');
  const data = await readYamlMap(path, 'the injector configuration');
  const config = isMap(data.config) ? data.config : typeof data.config === 'string' ? (jsyaml.load(data.config) as Tree) : data;
  const warnings: string[] = [];
  const templates = isMap(config?.templates) ? Object.keys(config.templates) : [];
  const custom = templates.filter((t) => !ISTIO_TEMPLATES.includes(t));
  const defaults = Array.isArray(config?.defaultTemplates) ? (config.defaultTemplates as unknown[]).map(String) : ['sidecar'];
  const renderable = renderableTemplates();
  if (defaults.some((t) => !renderable.includes(t))) {
    throw new InputError(`${path}: default templates ${JSON.stringify(defaults)} are not all built in; mesh kube-inject renders ${renderable.join(', ')}`, {
      hint: 'run istioctl kube-inject for custom injection templates, or drop --injectConfigFile to use the built-in ones',
    });
  }
  if (custom.length) warnings.push(`${path}: templates ${custom.join(', ')} are ignored; mesh renders Istio 1.30's built-in templates itself`);
  if (config?.policy === 'disabled') warnings.push(`${path}: policy is "disabled": kube-inject injects anyway, as istioctl does`);
  return warnings;
}

/** Reads mesh config and injector values from the control plane's ConfigMaps. */
export async function readClusterInjectConfig(globals: GlobalOptions, revision: string | undefined, timeoutMs: number): Promise<{ values: Tree; meshConfig: Tree; source: string }> {
  const { connect, translateKubeError } = await import('./kube/client.js');
  const { RawKube } = await import('./kube/http.js');
  const conn = await connect(globals);
  const raw = new RawKube(conn);
  const ns = globals.istioNamespace;
  const readConfigMap = (name: string) =>
    raw.request('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/configmaps/${encodeURIComponent(name)}`) as Promise<{ data?: Record<string, string> }>;
  const suffix = revision && revision !== 'default' ? `-${revision}` : '';
  const withTimeout = <T>(p: Promise<T>): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs).unref())]);
  try {
    const [mesh, injector] = await withTimeout(Promise.all([readConfigMap(`istio${suffix}`), readConfigMap(`istio-sidecar-injector${suffix}`)]));
    const meshConfig = mesh.data?.mesh ? (jsyaml.load(mesh.data.mesh, { schema: YAML11_SCHEMA }) as Tree) : {};
    const values = injector.data?.values ? (JSON.parse(injector.data.values) as Tree) : {};
    return { values: isMap(values) ? values : {}, meshConfig: isMap(meshConfig) ? meshConfig : {}, source: `configmaps istio${suffix} and istio-sidecar-injector${suffix} in ${ns} (${conn.server})` };
  } catch (error) {
    throw translateKubeError(error, `read the injector configuration from namespace ${ns}`, conn.server);
  }
}
