/**
 * JavaScript equivalents of the CEL rules (`x-kubernetes-validations`) in Istio's CRDs, keyed by the rule's text.
 * mesh does not embed a CEL interpreter: the rules are a fixed, small set, and each is a line of JavaScript.
 * A test checks that every rule in schemas/ has an entry here, so a schema change cannot silently go unchecked.
 */
import { parseDuration } from './formats.js';
import { normalizeRule } from './check-tree.js';
import { stringOr } from '../tree.js';

// `any`: CEL's `self` is whatever JSON the schema node holds; the rules below test shapes before they read them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Self = any;
/** A rule's equivalent: true when `self` satisfies it. */
export type CelCheck = (self: Self) => boolean;

/** CEL `has(self.f)`: the field is set. The API server drops nulls, so null counts as unset. */
const has = (self: Self, field: string): boolean => self != null && typeof self === 'object' && self[field] !== undefined && self[field] !== null;
const count = (self: Self, ...fields: string[]): number => fields.filter((f) => has(self, f)).length;
const keys = (self: Self): string[] => (self && typeof self === 'object' ? Object.keys(self) : []);
const LABEL_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** CEL `url(x).getScheme()`, or undefined when CEL's `isURL` would be false. */
function urlScheme(text: string): string | undefined {
  try {
    return new URL(text).protocol.replace(/:$/, '');
  } catch {
    return undefined;
  }
}

/** The module URL rule: a URL with an allowed scheme, or something that becomes a valid URL with http:// in front. */
function moduleUrl(self: Self): boolean {
  const allowed = ['', 'http', 'https', 'oci', 'file'];
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(self) ? urlScheme(self) : undefined;
  if (scheme !== undefined) return allowed.includes(scheme);
  return urlScheme(`http://${self}`) !== undefined;
}

const RULES: Record<string, CelCheck> = {
  "duration(self) >= duration('1ms')": (s) => (parseDuration(stringOr(s, '')) ?? -1) >= 1e6,
  '0 < self && self <= 65535': (s) => s > 0 && s <= 65535,
  '!self.contains("*")': (s) => !stringOr(s, '').includes('*'),
  'self.size() == 0': (s) => stringOr(s, '').length === 0,
  'self != "*"': (s) => s !== '*',
  'self.all(key, key.size() != 0)': (s) => keys(s).every((k) => k.length !== 0),
  'self.all(key, !key.contains("*"))': (s) => keys(s).every((k) => !k.includes('*')),
  'self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))': (s) =>
    keys(s).every((k) => k.length < 63 && LABEL_NAME.test(k)),
  'self.all(key, 0 < int(key) && int(key) <= 65535)': (s) => keys(s).every((k) => /^[0-9]+$/.test(k) && Number(k) > 0 && Number(k) <= 65535),
  'self.all(l1, self.exists_one(l2, l1.number == l2.number))': (s) =>
    !Array.isArray(s) || s.every((a) => s.filter((b) => b?.number === a?.number).length === 1),
  'self in ["", "HTTP", "HTTPS"]': (s) => ['', 'HTTP', 'HTTPS'].includes(s),
  'has(self.address) || has(self.network)': (s) => has(s, 'address') || has(s, 'network'),
  '(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true': (s) =>
    !stringOr(s?.address, '').startsWith('unix://') || !has(s, 'ports'),
  'self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true': (s) =>
    !stringOr(s, '').startsWith('unix://') || ['/', '@'].includes(stringOr(s, '').slice(7, 8)),
  'self.startsWith("unix://") ? !self.endsWith("/") : true': (s) => !stringOr(s, '').startsWith('unix://') || !stringOr(s, '').endsWith('/'),
  '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1': (s) =>
    count(s, 'selector', 'targetRef', 'targetRefs') <= 1,
  '(has(self.selector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1': (s) => count(s, 'selector', 'targetRefs') <= 1,
  '(has(self.workloadSelector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1': (s) => count(s, 'workloadSelector', 'targetRefs') <= 1,
  '(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1': (s) => count(s, 'workloadSelector', 'endpoints') <= 1,
  '(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1': (s) => count(s, 'credentialName', 'credentialNames') <= 1,
  '(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1': (s) => count(s, 'tlsCertificates', 'credentialNames') <= 1,
  '(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1': (s) => count(s, 'credentialNames', 'tlsCertificates') <= 1,
  '(has(self.jwksUri) ? 1 : 0) + (has(self.jwks_uri) ? 1 : 0) + (has(self.jwks) ? 1 : 0) <= 1': (s) => count(s, 'jwksUri', 'jwks_uri', 'jwks') <= 1,
  'has(self.wasm) != has(self.lua)': (s) => has(s, 'wasm') !== has(s, 'lua'),
  '!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))': (
    s,
  ) =>
    !(
      (Array.isArray(s?.addresses) ? s.addresses : []).some((a: unknown) => stringOr(a, '').includes('/')) &&
      !['STATIC', 'NONE'].includes(s?.resolution ?? 'NONE')
    ),
  '((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true': (s) =>
    (s?.resolution ?? 'NONE') !== 'NONE' || !has(s, 'endpoints'),
  '((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true': (s) =>
    s?.resolution !== 'DNS_ROUND_ROBIN' || !Array.isArray(s?.endpoints) || s.endpoints.length <= 1,
  'has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : !has(self.waypoint)': (s) =>
    (has(s, 'context') && s.context === 'WAYPOINT') === has(s, 'waypoint'),
  '(has(self.valueFrom) ? self.valueFrom : "") != "HOST" || !has(self.value)': (s) => s?.valueFrom !== 'HOST' || !has(s, 'value'),
  '(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) && !has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true':
    (s) => count(s, 'serviceAccounts', 'notServiceAccounts') === 0 || count(s, 'principals', 'notPrincipals', 'namespaces', 'notNamespaces') === 0,
  'has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true': (s) =>
    !has(s, 'portLevelMtls') || keys(s?.selector?.matchLabels).length > 0,
  'url(self).getScheme() in ["http", "https"]': (s) => ['http', 'https'].includes(urlScheme(stringOr(s, '')) ?? ''),
  'isURL(self) ? (url(self).getScheme() in ["", "http", "https", "oci", "file"]) : (isURL("http://" + self) && url("http://" + self).getScheme() in ["", "http", "https", "oci", "file"])':
    moduleUrl,
  'isURL(self) ? (url(self).getScheme() in ["", "http", "https", "file", "oci"]) : (isURL("http://" + self) && url("http://" + self).getScheme() in ["", "http", "https", "file", "oci"])':
    moduleUrl,
  '((has(self.operation) ? self.operation : "") == "UPSERT") ? (self.value != "") : true': (s) => s?.operation !== 'UPSERT' || stringOr(s?.value, '') !== '',
  '((has(self.operation) ? self.operation : "") == "REMOVE") ? !has(self.value) : true': (s) => s?.operation !== 'REMOVE' || !has(s, 'value'),
};

/** The JavaScript equivalent of a CEL rule, or undefined when mesh has none (a test keeps this from happening). */
export function celCheck(rule: string): CelCheck | undefined {
  return RULES[normalizeRule(rule)];
}
