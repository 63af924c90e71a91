/**
 * Builds a revision tag's objects from the target revision's own injector webhook, as plain data: the tag's
 * MutatingWebhookConfiguration (selecting `istio.io/rev=<tag>`), its `istiod-revision-tag-<tag>` Service, and for
 * the `default` tag the legacy `istio-injection=enabled` hooks plus the cluster-wide `istiod-default-validator`.
 * The webhooks call exactly what the revision's injector calls (service or URL, CA bundle), so a tag works for
 * remote control planes too.
 */
import type { KubeObject } from '../yaml/load.js';
import { UsageError } from '../../errors.js';
import type { JsonObject } from '../tree.js';
import { istioValidationRules } from '../manifest/webhooks.js';

/** Label naming the tag on its webhook and Service. */
export const TAG_LABEL = 'istio.io/tag';
/** Label naming the revision (on control-plane objects) or the revision/tag a namespace uses. */
export const REV_LABEL = 'istio.io/rev';
/** The tag that also answers `istio-injection=enabled` namespaces and validates config cluster-wide. */
export const DEFAULT_TAG = 'default';
/** Name of the cluster-wide validating webhook the `default` tag owns. */
export const DEFAULT_VALIDATOR = 'istiod-default-validator';
/** Suffix of the injector webhooks' names inside an injector MutatingWebhookConfiguration. */
const INJECTOR_SUFFIX = 'sidecar-injector.istio.io';
/** Namespaces the `auto.` hook never injects (Istio's list). */
const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

/** What a tag is generated from. */
export interface GenerateTagOptions {
  /** The tag name (a label value). */
  tag: string;
  /** The revision's injector MutatingWebhookConfiguration (labelled istio.io/rev, not istio.io/tag). */
  canonical: KubeObject;
  /** The control-plane namespace (the tag Service lives there; it also decides the default webhook name). */
  istioNamespace: string;
  /** --webhook-name: overrides the MutatingWebhookConfiguration's name. */
  webhookName?: string;
  /** --auto-inject-namespaces: the default tag also injects namespaces without any injection label. */
  autoInjectNamespaces: boolean;
  /** The live `istiod-default-validator`, if any: a `Fail` policy that istiod set is kept. */
  liveValidator?: KubeObject;
}

const expr = (key: string, operator: string, values?: string[]): JsonObject => (values ? { key, operator, values } : { key, operator });

/** A tag must be a valid label value (it is matched as `istio.io/rev=<tag>`). */
export function checkTagName(tag: string): void {
  if (!/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(tag)) {
    throw new UsageError(`invalid tag "${tag}": a tag must be a label value (up to 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric)`);
  }
}

/** The name of a tag's MutatingWebhookConfiguration: `istio-revision-tag-<tag>`, plus `-<ns>` outside istio-system (as Istio's chart names it). */
export function tagWebhookName(tag: string, istioNamespace: string, override?: string): string {
  if (override) return override;
  return istioNamespace === 'istio-system' ? `istio-revision-tag-${tag}` : `istio-revision-tag-${tag}-${istioNamespace}`;
}

/** The revision a control-plane object belongs to (its istio.io/rev label; `default` when unset). */
export function revisionOf(obj: KubeObject): string {
  return obj.metadata?.labels?.[REV_LABEL] || 'default';
}

/** The injector hook of a revision's webhook configuration, or undefined when it has none. */
export function injectorHook(canonical: KubeObject): JsonObject | undefined {
  const hooks = Array.isArray(canonical.webhooks) ? (canonical.webhooks as JsonObject[]) : [];
  return hooks.find((w) => typeof w.name === 'string' && w.name.endsWith(INJECTOR_SUFFIX));
}

/** Labels carried over from the revision's webhook: not `app` (the tag's objects have their own) nor installer ownership, so no installer prunes a tag. */
function inheritedLabels(canonical: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(canonical.metadata?.labels ?? {})) {
    if (k !== 'app' && !k.includes('operator.istio.io')) out[k] = v;
  }
  return out;
}

function inheritedAnnotations(canonical: KubeObject): Record<string, string> | undefined {
  const entries = Object.entries(canonical.metadata?.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Builds the tag's objects: the MutatingWebhookConfiguration, then (default tag) the validator, then the Service. */
export function generateTag(options: GenerateTagOptions): KubeObject[] {
  checkTagName(options.tag);
  const { tag, canonical } = options;
  const hook = injectorHook(canonical);
  if (!hook) throw new UsageError(`cannot build tag "${tag}": webhook configuration ${canonical.metadata?.name} has no *.${INJECTOR_SUFFIX} webhook`);
  const revision = revisionOf(canonical);
  const clientConfig = structuredClone((hook.clientConfig ?? {}) as JsonObject);
  const reinvocationPolicy = typeof hook.reinvocationPolicy === 'string' ? hook.reinvocationPolicy : 'Never';
  const injector = (prefix: string, namespaceSelector: JsonObject[], objectSelector: JsonObject[]): JsonObject => ({
    name: `${prefix}${INJECTOR_SUFFIX}`,
    clientConfig: structuredClone(clientConfig),
    sideEffects: 'None',
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
    failurePolicy: 'Fail',
    reinvocationPolicy,
    admissionReviewVersions: ['v1'],
    namespaceSelector: { matchExpressions: namespaceSelector },
    objectSelector: { matchExpressions: objectSelector },
  });
  const notDisabled = expr('sidecar.istio.io/inject', 'NotIn', ['false']);
  const webhooks = [
    injector('rev.namespace.', [expr(REV_LABEL, 'In', [tag]), expr('istio-injection', 'DoesNotExist')], [notDisabled]),
    injector('rev.object.', [expr(REV_LABEL, 'DoesNotExist'), expr('istio-injection', 'DoesNotExist')], [notDisabled, expr(REV_LABEL, 'In', [tag])]),
  ];
  if (tag === DEFAULT_TAG) {
    webhooks.push(
      injector('namespace.', [expr('istio-injection', 'In', ['enabled'])], [notDisabled]),
      injector(
        'object.',
        [expr('istio-injection', 'DoesNotExist'), expr(REV_LABEL, 'DoesNotExist')],
        [expr('sidecar.istio.io/inject', 'In', ['true']), expr(REV_LABEL, 'DoesNotExist')],
      ),
    );
    if (options.autoInjectNamespaces) {
      webhooks.push(
        injector(
          'auto.',
          [expr('istio-injection', 'DoesNotExist'), expr(REV_LABEL, 'DoesNotExist'), expr('kubernetes.io/metadata.name', 'NotIn', SYSTEM_NAMESPACES)],
          [expr('sidecar.istio.io/inject', 'DoesNotExist'), expr(REV_LABEL, 'DoesNotExist')],
        ),
      );
    }
  }
  const annotations = inheritedAnnotations(canonical);
  const mwc: KubeObject = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: {
      name: tagWebhookName(tag, options.istioNamespace, options.webhookName),
      labels: { ...inheritedLabels(canonical), app: 'sidecar-injector', 'app.kubernetes.io/name': 'istiod', [TAG_LABEL]: tag, [REV_LABEL]: revision },
      ...(annotations ? { annotations } : {}),
    },
    webhooks,
  };
  const out = [mwc];
  if (tag === DEFAULT_TAG) out.push(defaultValidator(canonical, clientConfig, revision, options.liveValidator));
  out.push(tagService(tag, revision, options.istioNamespace));
  return out;
}

/** `istiod-default-validator`: validates config not labelled with a revision, calling the tagged revision's istiod on /validate. */
function defaultValidator(canonical: KubeObject, injectorClient: JsonObject, revision: string, live: KubeObject | undefined): KubeObject {
  const clientConfig = structuredClone(injectorClient);
  if (typeof clientConfig.url === 'string') {
    try {
      const url = new URL(clientConfig.url);
      url.pathname = '/validate';
      clientConfig.url = url.toString();
    } catch {
      // An unparsable URL is kept as is: the API server rejects it with its own message.
    }
  } else if (clientConfig.service && typeof clientConfig.service === 'object') {
    clientConfig.service = { ...(clientConfig.service as JsonObject), path: '/validate' };
  }
  // istiod flips the validator to Fail once it serves; going back to Ignore would silently stop validation.
  const liveHooks = Array.isArray(live?.webhooks) ? (live.webhooks as JsonObject[]) : [];
  const failurePolicy = liveHooks.find((w) => w.name === 'validation.istio.io')?.failurePolicy === 'Fail' ? 'Fail' : 'Ignore';
  const annotations = inheritedAnnotations(canonical);
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: {
      name: DEFAULT_VALIDATOR,
      labels: {
        ...inheritedLabels(canonical),
        app: 'istiod',
        istio: 'istiod',
        'app.kubernetes.io/name': 'istiod',
        [REV_LABEL]: revision,
        [TAG_LABEL]: DEFAULT_TAG,
      },
      ...(annotations ? { annotations } : {}),
    },
    webhooks: [
      {
        name: 'validation.istio.io',
        clientConfig,
        rules: istioValidationRules(),
        failurePolicy,
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
        objectSelector: { matchExpressions: [expr(REV_LABEL, 'DoesNotExist')] },
      },
    ],
  };
}

/** `istiod-revision-tag-<tag>`: a Service in front of the tagged revision's istiod, so gateways and proxies can address the tag. */
function tagService(tag: string, revision: string, istioNamespace: string): KubeObject {
  const selector: Record<string, string> = revision === 'default' ? { app: 'istiod', istio: 'pilot' } : { app: 'istiod', [REV_LABEL]: revision };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: `istiod-revision-tag-${tag}`,
      namespace: istioNamespace,
      labels: { app: 'istiod', istio: 'pilot', 'app.kubernetes.io/name': 'istiod', [REV_LABEL]: revision, [TAG_LABEL]: tag },
    },
    spec: {
      ports: [
        { port: 15010, name: 'grpc-xds', protocol: 'TCP' },
        { port: 15012, name: 'https-dns', protocol: 'TCP' },
        { port: 443, name: 'https-webhook', targetPort: 15017, protocol: 'TCP' },
        { port: 15014, name: 'http-monitoring', protocol: 'TCP' },
      ],
      selector,
    },
  };
}
