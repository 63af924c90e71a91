/**
 * IP address syntax, as Node's `net.isIP` accepts it (which validate and dashboard relied on before core went
 * pure): dotted-quad IPv4 without leading zeros, and IPv6 with `::` compression, an optional trailing dotted quad,
 * and an optional `%zone`. Pure string work, so core/ needs no node:net.
 */

/** 4 for an IPv4 address, 6 for an IPv6 address, 0 for anything else (net.isIP's contract). */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (isIPv4(text)) return 4;
  return isIPv6(text) ? 6 : 0;
}

/** True for `a.b.c.d`, each part 0-255 written without leading zeros. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every(isOctet);
}

function isOctet(part: string): boolean {
  if (!/^[0-9]{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return false;
  return Number(part) <= 255;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z.:-]+$/;

/** True for an IPv6 address: eight groups, or fewer with one `::`; the last two may be a dotted quad; `%zone` allowed. */
export function isIPv6(text: string): boolean {
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  if (percent >= 0 && !ZONE.test(text.slice(percent + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  // A dotted quad may only end the address, and counts as two groups.
  const last = all[all.length - 1];
  const endsInQuad = last !== undefined && last.includes('.') && (halves.length === 1 || groups[1]!.length > 0);
  if (endsInQuad && !isIPv4(last)) return false;
  const hex = endsInQuad ? all.slice(0, -1) : all;
  if (!hex.every((g) => HEX_GROUP.test(g))) return false;
  const count = hex.length + (endsInQuad ? 2 : 0);
  return halves.length === 1 ? count === 8 : count <= 7;
}
