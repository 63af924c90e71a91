/**
 * IST0163/IST0164: with an external control plane, Istio's webhooks (validator istiod-default-validator and
 * istio-validator*, injector istio-sidecar-injector*) reach istiod by URL. The URL must be there and parse, and
 * should name a host rather than an IP address.
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

export const externalControlPlane: Analyzer = {
  meta: {
    name: 'externalcontrolplane.ExternalControlPlaneAnalyzer',
    description: 'Checks that Istio webhooks reach an external control plane at a valid host name',
    inputs: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'],
    codes: ['IST0163', 'IST0164'],
  },
  analyze(ctx) {
    ctx.forEach('ValidatingWebhookConfiguration', (r) => {
      if (r.name === 'istiod-default-validator' || r.name.startsWith('istio-validator')) checkHooks(ctx, r);
    });
    ctx.forEach('MutatingWebhookConfiguration', (r) => {
      if (r.name.startsWith('istio-sidecar-injector')) checkHooks(ctx, r);
    });
  },
};

function checkHooks(ctx: AnalysisContext, r: Resource): void {
  arr(r.object.webhooks).forEach((w, i) => {
    const name = scalarString(obj(w).name) ?? String(i);
    const client = obj(obj(w).clientConfig);
    const url = scalarString(client.url);
    const at = ['webhooks', i, 'clientConfig'];
    if (!url) {
      // A Service reference is the in-cluster control plane: nothing to judge.
      if (client.service === undefined) ctx.report(r, 'IST0163', ['', name, 'is blank'], at);
      return;
    }
    const host = hostOf(url);
    if (host === undefined) ctx.report(r, 'IST0163', [url, name, 'is not a valid URL'], [...at, 'url']);
    else if (isIpAddress(host)) ctx.report(r, 'IST0164', [name, url], [...at, 'url']);
  });
}

/** The host of a URL (brackets of an IPv6 literal removed), or undefined when it does not parse. */
function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  } catch {
    return undefined;
  }
}

function isIpAddress(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((o) => Number(o) <= 255);
  return host.includes(':') && /^[0-9a-fA-F:.]+$/.test(host);
}
