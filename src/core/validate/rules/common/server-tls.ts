/** TLS settings of Gateway servers and Sidecar ingress: certificate sources that fit the mode. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';

const CERT_FIELDS = ['serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames'];
const nonEmpty = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Checks one ServerTLSSettings. */
export function checkServerTls(tls: any, at: FieldPath, ctx: RuleContext): void {
  if (!tls || typeof tls !== 'object') return;
  const mode = tls.mode ?? 'PASSTHROUGH';
  if (mode === 'ISTIO_MUTUAL') {
    for (const f of CERT_FIELDS) if (nonEmpty(tls[f])) ctx.report([...at, f], `ISTIO_MUTUAL uses Istio's certificates: ${f} must not be set`);
    return;
  }
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') && tls.mode !== undefined && [...CERT_FIELDS, 'caCrl'].some((f) => nonEmpty(tls[f]))) {
    ctx.report(at, `${mode} does not terminate TLS: certificates are ignored`, 'warning');
  }
  // The CRD's CEL rules already reject two of credentialName, credentialNames and tlsCertificates; files plus any of them is ours.
  const others = [nonEmpty(tls.credentialName), nonEmpty(tls.credentialNames), nonEmpty(tls.tlsCertificates)].some(Boolean);
  if (tls.serverCertificate && tls.privateKey && others)
    ctx.report(at, 'set only one certificate source: credentialName, credentialNames, serverCertificate/privateKey or tlsCertificates');
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (terminating && !nonEmpty(tls.credentialName) && !nonEmpty(tls.credentialNames)) {
    const label = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
    if (mode !== 'SIMPLE' && !tls.caCertificates) ctx.report(at, `${label} needs caCertificates (or a credentialName holding the CA)`);
    const certs: any[] = nonEmpty(tls.tlsCertificates) ? tls.tlsCertificates : [{ serverCertificate: tls.serverCertificate, privateKey: tls.privateKey }];
    certs.forEach((c, j) => {
      const where = nonEmpty(tls.tlsCertificates) ? [...at, 'tlsCertificates', j] : at;
      if (!c?.serverCertificate) ctx.report(where, `${label} needs serverCertificate (or credentialName)`);
      if (!c?.privateKey) ctx.report(where, `${label} needs privateKey (or credentialName)`);
    });
  }
  if (tls.caCrl && nonEmpty(tls.credentialName)) ctx.report([...at, 'caCrl'], 'caCrl cannot be used with credentialName; put the CRL in the credential');
  if (tls.caCrl && mode === 'SIMPLE') ctx.report([...at, 'caCrl'], 'caCrl is not supported with SIMPLE TLS');
  if ((tls.minProtocolVersion === 'TLSV1_0' || tls.minProtocolVersion === 'TLSV1_1') && !nonEmpty(tls.cipherSuites)) {
    ctx.report([...at, 'minProtocolVersion'], 'TLS versions below 1.2 need cipherSuites set: the default ciphers no longer include compatible ones', 'warning');
  }
  const order = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];
  const min = order.indexOf(tls.minProtocolVersion);
  const max = order.indexOf(tls.maxProtocolVersion);
  if (min > 0 && max > 0 && min > max)
    ctx.report([...at, 'minProtocolVersion'], `minProtocolVersion ${tls.minProtocolVersion} is above maxProtocolVersion ${tls.maxProtocolVersion}`);
}

export const serverTls: SemanticRule = {
  name: 'common.server-tls',
  description: 'server TLS settings have the certificates their mode needs and none it forbids',
  kinds: ['Gateway', 'Sidecar'],
  check(spec, ctx) {
    each(spec.servers, (s: any, i) => checkServerTls(s?.tls, ['spec', 'servers', i, 'tls'], ctx));
    each(spec.ingress, (s: any, i) => checkServerTls(s?.tls, ['spec', 'ingress', i, 'tls'], ctx));
  },
};
