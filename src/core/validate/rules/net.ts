/** Network syntax: IP addresses, CIDR blocks and port numbers, as Istio's validation accepts them. */
import { ipFamily } from '../../ip.js';

/** True for an IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return ipFamily(text) !== 0;
}

/** Why `text` is not an IP address or CIDR block, or undefined. */
export function ipOrCidrError(text: string): string | undefined {
  if (!text.includes('/')) return isIpAddress(text) ? undefined : `"${text}" is not a valid IP address`;
  const [ip, bits, ...rest] = text.split('/');
  const family = ipFamily(ip ?? '');
  const max = family === 4 ? 32 : 128;
  if (rest.length || family === 0 || !/^[0-9]{1,3}$/.test(bits ?? '') || Number(bits) > max) return `"${text}" is not a valid CIDR block`;
  return undefined;
}

/** True for a port number from 1 to 65535. */
export function isPort(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** Why a port given as a string (AuthorizationPolicy ports, when conditions) is not valid, or undefined. */
export function portStringError(text: string): string | undefined {
  return /^[0-9]+$/.test(text) && isPort(Number(text)) ? undefined : `"${text}" is not a valid port (1-65535)`;
}

/** The protocols Istio understands on a port (case-insensitive), beyond which it falls back to TCP with a warning. */
export const PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'HTTP_PROXY', 'MONGO', 'MYSQL', 'REDIS', 'TCP', 'TLS', 'UDP', 'HBONE', 'DOUBLE_HBONE'];

/** True for a protocol name Istio recognises. */
export function isKnownProtocol(name: string): boolean {
  return PROTOCOLS.includes(name.toUpperCase());
}
