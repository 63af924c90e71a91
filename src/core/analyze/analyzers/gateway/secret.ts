/** IST0101/IST0161: a Gateway's TLS credentialName names a Secret next to its workload, holding a usable certificate. */
import type { Analyzer, Resource } from '../../types.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { WORKLOAD_KINDS, workloadIndex } from '../../../model/workloads.js';
import { scalarString } from '../../../tree.js';

export const secret: Analyzer = {
  meta: {
    name: 'gateway.SecretAnalyzer',
    description: "Checks that the Secrets a Gateway's servers name exist and hold a certificate and key",
    inputs: ['Gateway', 'Secret', ...WORKLOAD_KINDS],
    codes: ['IST0101', 'IST0161'],
  },
  analyze(ctx) {
    if (!ctx.knows('Secret')) return;
    const all = workloadIndex(ctx);
    ctx.forEach('Gateway', (gw) => {
      // Secrets are read in the namespace of the gateway workload, which may differ from the Gateway's.
      const selector = strMap(obj(gw.object.spec).selector);
      const ns = all.select(selector)[0]?.namespace ?? gw.namespace;
      arr(obj(gw.object.spec).servers).forEach((server, i) => {
        const name = scalarString(obj(obj(server).tls).credentialName);
        if (!name) return;
        const field = ['spec', 'servers', i, 'tls', 'credentialName'];
        const [secretNs, secretName] = name.includes('/') ? (name.split('/', 2) as [string, string]) : [ns, name];
        const s = ctx.find('Secret', secretNs, secretName);
        if (!s) {
          ctx.report(gw, 'IST0101', ['credentialName', name], field);
          return;
        }
        const problem = credentialProblem(s);
        if (problem) ctx.report(gw, 'IST0161', [`${secretNs}/${secretName}`, `${gw.namespace}/${gw.name}`, problem], field);
      });
    });
  },
};

/** Why a Secret cannot serve as a gateway credential, or undefined when it can. */
function credentialProblem(s: Resource): string | undefined {
  const data = { ...strMap(s.object.data), ...strMap(s.object.stringData) };
  const cert = data['tls.crt'] ?? data.cert;
  const key = data['tls.key'] ?? data.key;
  if (cert === undefined && key === undefined && data['ca.crt'] === undefined && data.cacert === undefined) {
    return 'it has neither tls.crt/tls.key nor cert/key';
  }
  if (!cert) return 'the certificate (tls.crt or cert) is missing or empty';
  if (!key) return 'the private key (tls.key or key) is missing or empty';
  const pem = s.object.stringData && strMap(s.object.stringData)['tls.crt'] ? cert : decode(cert);
  if (pem !== undefined && !pem.includes('-----BEGIN CERTIFICATE-----')) return 'the certificate is not PEM';
  return undefined;
}

function decode(b64: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(b64)) return undefined;
  return Buffer.from(b64, 'base64').toString('latin1');
}
