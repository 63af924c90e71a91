/** Name syntax Kubernetes and Istio enforce: DNS-1123 labels and subdomains, label keys and values, host names with wildcards. */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** Istio's host labels are case-insensitive DNS-1123 labels. */
const HOST_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** A first host label may be `*`, `*foo`, or `*-foo`. */
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

/** Why `name` is not a DNS-1123 label (namespaces, some object names), or undefined. */
export function dns1123LabelError(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  return DNS1123_LABEL.test(name) ? undefined : "must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
}

/** Why `name` is not a DNS-1123 subdomain (most object names), or undefined. */
export function dns1123SubdomainError(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(name)
    ? undefined
    : "must consist of lower case alphanumeric characters, '-' or '.', and start and end with an alphanumeric character";
}

/** Why `key` is not a valid label or annotation key (`[prefix/]name`), or undefined. */
export function labelKeyError(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    const problem = prefix === '' ? 'prefix part must not be empty' : dns1123SubdomainError(prefix);
    if (problem) return `prefix part ${problem}`;
  }
  if (name.length === 0) return 'name part must not be empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  return QUALIFIED_NAME.test(name)
    ? undefined
    : "name part must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character";
}

/** Why `value` is not a valid label value, or undefined. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return LABEL_VALUE.test(value)
    ? undefined
    : "must be empty or consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character";
}

/** Why `host` is not a valid host name where a leading wildcard label (`*`, `*.example.com`) is allowed, or undefined. */
export function wildcardHostError(host: string): string | undefined {
  if (host.length === 0) return 'empty host name';
  if (host.length > 255) return 'host name is longer than 255 characters';
  const dot = host.indexOf('.');
  const first = dot < 0 ? host : host.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) return `label "${first}" is invalid`;
  return dot < 0 ? undefined : dnsLabelsError(host.slice(dot + 1));
}

/** Why `host` is not a valid host name without wildcards, or undefined. */
export function plainHostError(host: string): string | undefined {
  if (host.length === 0) return 'empty host name';
  if (host.length > 255) return 'host name is longer than 255 characters';
  return dnsLabelsError(host);
}

function dnsLabelsError(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1]!;
  if (/^[0-9]+$/.test(tld)) return `top-level domain "${tld}" cannot be all-numeric`;
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i]!;
    if (i === parts.length - 1 && label === '' && i > 0) return undefined; // a trailing dot (`istio.io.`) is allowed
    if (label.length > 63 || !HOST_LABEL.test(label)) return `label "${label}" is invalid`;
  }
  return undefined;
}

/**
 * Checks a `namespace/host` entry as Gateway servers and Sidecar egress take them: namespace `*`, `.`, `~` (Sidecar)
 * or a DNS-1123 label; host with an optional leading wildcard. With `slashOptional`, a bare host means `* /host`.
 */
export function namespacedHostError(entry: string, slashOptional: boolean): string | undefined {
  const parts = entry.split('/');
  if (parts.length === 1) {
    if (!slashOptional) return `host "${entry}" must be in the form namespace/dnsName`;
    return wildcardHostError(entry);
  }
  if (parts.length !== 2) return `host "${entry}" must be in the form namespace/dnsName`;
  const [ns, host] = parts as [string, string];
  if (ns !== '*' && ns !== '.' && ns !== '~') {
    const problem = dns1123LabelError(ns);
    if (problem) return `namespace "${ns}" in "${entry}" ${problem}`;
  }
  if (host === '*') return undefined;
  const problem = wildcardHostError(host);
  return problem ? `host "${entry}": ${problem}` : undefined;
}
