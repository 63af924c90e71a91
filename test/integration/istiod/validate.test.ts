// Validation by Istio's own admission: every Istio document goes to `mesh validate` and, as a server-side
// dry run, through the test cluster's Istio CRD schemas and the real istiod's validating webhook. The
// verdicts must agree, and a refusal must name a field mesh's diagnostics name.
// Documents: Istio's CRD-vs-webhook cases and validation dataset and its samples (read from the Go module
// cache), this repository's samples and the validate golden inputs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kube, tempNamespace, waitFor } from '../helpers/kube.js';
import { runMesh } from '../helpers/mesh.js';
import { useRealIstiod } from './real-istiod.js';
import { ApiException } from '@kubernetes/client-node';

interface Doc {
  name: string;
  obj: KubernetesObject;
}

function istioDir(): string {
  const r = spawnSync('go', ['list', '-m', '-f', '{{.Dir}}', 'istio.io/istio'], { cwd: 'test/istio', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go list -m istio.io/istio: ${r.stderr}`);
  return r.stdout.trim();
}

function corpora(): Array<[string, string]> {
  const istio = istioDir();
  return [
    ['crds', join(istio, 'pkg/config/validation/testdata/crds')],
    ['datasets', join(istio, 'pkg/test/datasets/validation/dataset')],
    ['istio-samples', join(istio, 'samples')],
    ['samples', 'samples'],
    ['golden', 'test/golden/validate'],
  ];
}

/** Every Istio document of the corpora (not IstioOperator, not Helm templates), placed in `namespace`. */
function documents(namespace: string): Doc[] {
  const out: Doc[] = [];
  for (const [corpus, dir] of corpora()) {
    if (!existsSync(dir)) throw new Error(`corpus ${corpus} is missing: ${dir}`);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile());
    for (const file of files.sort()) {
      const texts = readFileSync(join(dir, file), 'utf8').split(/^---[^\n]*$/m);
      texts.forEach((text, i) => {
        if (text.includes('{{')) return;
        let obj: KubernetesObject | undefined;
        try {
          obj = parse(text.replace(/^_err:.*\n?/m, ''), { version: '1.1' }) as KubernetesObject;
        } catch {
          return; // not YAML: mesh's own golden cases of broken files, nothing an API server could be sent
        }
        const apiVersion = typeof obj?.apiVersion === 'string' ? obj.apiVersion : '';
        if (!/\.istio\.io\//.test(apiVersion) || apiVersion.startsWith('install.istio.io/') || typeof obj.metadata !== 'object') return;
        out.push({ name: `${corpus}/${file}#${i}`, obj: { ...obj, metadata: { ...obj.metadata, namespace } } });
      });
    }
  }
  return out;
}

/** mesh validate's errors per document, from one run over a folder holding each document in a file of its own. */
function meshErrors(docs: Doc[]): Promise<Map<number, Array<{ path: string; message: string }>>> {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-validate-'));
  docs.forEach((d, i) => {
    mkdirSync(join(dir, String(i)));
    writeFileSync(join(dir, String(i), 'doc.yaml'), stringify(d.obj));
  });
  return runMesh(['validate', '-f', dir, '-R', '-o', 'json'], { timeoutMs: 300_000 }).then((res) => {
    rmSync(dir, { recursive: true, force: true });
    if (res.code !== 0 && res.code !== 79) throw new Error(`mesh validate exited ${res.code}: ${res.stderr}`);
    const report = JSON.parse(res.stdout) as { diagnostics: Array<{ file: string; severity: string; path?: string; message: string }> };
    const errors = new Map<number, Array<{ path: string; message: string }>>();
    for (const d of report.diagnostics) {
      if (d.severity !== 'error') continue;
      const i = Number(relative(dir, d.file).split('/')[0]);
      errors.set(i, [...(errors.get(i) ?? []), { path: d.path ?? '', message: d.message }]);
    }
    return errors;
  });
}

/** The API server's verdict on a server-side dry-run create: undefined when admitted, else its message. */
async function admission(obj: KubernetesObject): Promise<string | undefined> {
  try {
    await kube().objects.create(obj, undefined, 'All');
    return undefined;
  } catch (err) {
    // client-node resolves the kind through discovery first, as kubectl does ("no matches for kind").
    if (err instanceof Error && /Unrecognized API version and kind/.test(err.message)) return `${err.message}: not served`;
    if (!(err instanceof ApiException)) throw err;
    const body = typeof err.body === 'string' ? err.body : JSON.stringify(err.body);
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
}

/**
 * The fields an API server refusal names: the CRD schema's and CEL rules' `spec.x[0].y: Invalid value` paths.
 * The webhook's denials ("admission webhook ... denied the request: configuration is invalid: ...") name none.
 */
function apiFields(message: string): string[] {
  const re = /((?:spec|metadata)(?:\.[\w-]+|\[\d+\])*): (?:Invalid value|Required value|Unsupported value|Duplicate value|Too many|Too long|Forbidden)/g;
  return [...message.matchAll(re)].map((m) => m[1] ?? '');
}

/** Whether two field paths name the same field, or one a part of the other (`spec` and `spec.portLevelMtls`). */
function sameField(a: string, b: string): boolean {
  const within = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return a !== '' && b !== '' && (within(a, b) || within(b, a));
}

describe('the real istiod and the CRD schemas admit what mesh validate accepts', () => {
  useRealIstiod();
  let ns: Awaited<ReturnType<typeof tempNamespace>> | undefined;
  afterAll(async () => {
    await ns?.remove();
  });

  it('the same verdict for every Istio document, refusals naming a field mesh names', async () => {
    // Objects without a revision label go to the default tag's istiod-default-validator, which mesh install
    // creates as istioctl install does; istiod patches its CA bundle in once it serves.
    await waitFor('istiod-default-validator with a caBundle', async () => {
      const { kc } = kube();
      const { AdmissionregistrationV1Api } = await import('@kubernetes/client-node');
      const v = await kc.makeApiClient(AdmissionregistrationV1Api).readValidatingWebhookConfiguration({ name: 'istiod-default-validator' });
      return v.webhooks?.every((w) => w.clientConfig.caBundle);
    });
    ns = await tempNamespace('validate');
    const docs = documents(ns.name);
    const errors = await meshErrors(docs);
    const verdicts: string[] = [];
    const fieldless: string[] = [];
    let refused = 0;
    let webhookOnly = 0;
    for (const [i, d] of docs.entries()) {
      const api = await admission(d.obj);
      const mesh = errors.get(i) ?? [];
      if (api !== undefined) refused++;
      if ((api === undefined) !== (mesh.length === 0)) {
        verdicts.push(
          `${d.name}: API server ${api === undefined ? 'admits' : `refuses (${api})`}, mesh ${mesh.length ? `refuses (${mesh.map((e) => `${e.path}: ${e.message}`).join('; ')})` : 'accepts'}`,
        );
      } else if (api !== undefined) {
        const named = apiFields(api);
        if (named.length === 0) webhookOnly++;
        else if (!named.some((f) => mesh.some((e) => sameField(f, e.path)))) {
          fieldless.push(`${d.name}: API server: ${api} | mesh: ${mesh.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
        }
      }
    }
    process.stderr.write(`[validate] ${docs.length} Istio documents: ${refused} refused (${webhookOnly} with a message naming no field)\n`);
    expect(verdicts).toEqual([]);
    expect(fieldless).toEqual([]);
  });
});
