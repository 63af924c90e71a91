/**
 * Reading Envoy's JSON without schemas. Envoy's admin API writes proto field names (snake_case, `filter_chains`)
 * while protojson writers, istioctl's -o json among them, use lowerCamelCase (`filterChains`); both parse the
 * same, so every reader here asks for the camelCase name and falls back to the snake_case one.
 */

/** Any JSON object. */
import type { JsonObject } from '../tree.js';

const snakeNames = new Map<string, string>();

function snake(key: string): string {
  let s = snakeNames.get(key);
  if (s === undefined) {
    s = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeNames.set(key, s);
  }
  return s;
}

/** `o[key]` under its camelCase or snake_case name; undefined when `o` is not an object. */
export function field(o: unknown, key: string): unknown {
  if (o === null || typeof o !== 'object') return undefined;
  const r = o as JsonObject;
  const v = r[key];
  return v !== undefined ? v : r[snake(key)];
}

/** Follows a path of field names (see {@link field}). */
export function path(o: unknown, ...keys: string[]): unknown {
  let v = o;
  for (const k of keys) {
    v = field(v, k);
    if (v === undefined) return undefined;
  }
  return v;
}

/** A string field, or '' (proto3 omits empty strings). */
export function str(o: unknown, ...keys: string[]): string {
  const v = path(o, ...keys);
  return typeof v === 'string' ? v : '';
}

/** A numeric field (protojson writes 64-bit integers as strings), or 0 (proto3 omits zeros). */
export function num(o: unknown, ...keys: string[]): number {
  const v = path(o, ...keys);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

/** A list field, or [] (proto3 omits empty lists). */
export function list(o: unknown, ...keys: string[]): unknown[] {
  const v = path(o, ...keys);
  return Array.isArray(v) ? v : [];
}

/** An object field, or undefined. */
export function obj(o: unknown, ...keys: string[]): JsonObject | undefined {
  const v = path(o, ...keys);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** The `@type` of a packed Any, without the `type.googleapis.com/` prefix. */
export function typeName(o: unknown): string {
  const t = field(o, '@type');
  return typeof t === 'string' ? t.slice(t.lastIndexOf('/') + 1) : '';
}

/** An Envoy core.Address as text: `ip` for a socket address, the path for a pipe, `envoy://listener/id` for an internal one. */
export function addressHost(address: unknown): string | undefined {
  const sock = obj(address, 'socketAddress');
  if (sock) return str(sock, 'address');
  const pipe = obj(address, 'pipe');
  if (pipe) return str(pipe, 'path');
  const internal = obj(address, 'envoyInternalAddress');
  if (internal) return `envoy://${str(internal, 'serverListenerName')}/${str(internal, 'endpointId')}`;
  return undefined;
}

/** The port of a socket address, or 0. */
export function addressPort(address: unknown): number {
  return num(address, 'socketAddress', 'portValue');
}

/**
 * Who configured this object, from Istio's metadata (`filter_metadata.istio.config`, an API path such as
 * `/apis/networking.istio.io/v1/namespaces/bookinfo/destination-rule/reviews`): `reviews.bookinfo`, as istioctl shows it.
 */
export function istioConfigName(metadata: unknown): string {
  const config = str(metadata, 'filterMetadata', 'istio', 'config');
  if (!config) return '';
  if (!config.startsWith('/apis/networking.istio.io/')) return '<unknown>';
  const parts = config.split('/');
  return parts.length === 8 ? `${parts[7]}.${parts[5]}` : '';
}
