/**
 * istiod's debug endpoints (`/debug/<type>` on its monitoring port 15014: syncz, configz, endpointz, clusterz,
 * config_dump?proxyID=..., list ...), as `x internal-debug` names them. Pure: the path of a request, and the text
 * printed for one answer or for the answers of every istiod.
 */
import { UsageError } from '../../errors.js';

/**
 * The path of `<type>` (optionally with its query, `edsz?proxyID=x`, or `/debug/` in front), with `proxyID` added
 * from a proxy argument when one is given.
 */
export function debugPath(type: string, proxy?: string): string {
  const bare = type.replace(/^\/?(debug\/)?/, '');
  if (!bare || bare.startsWith('?')) throw new UsageError(`"${type}" is not a debug type (\`mesh x internal-debug --list\` lists them)`);
  const path = `/debug/${bare}`;
  if (!proxy) return path;
  return `${path}${path.includes('?') ? '&' : '?'}proxyID=${encodeURIComponent(proxy)}`;
}

/** The name a debug path goes by in istiod's list: `/debug/syncz?x=1` → `syncz`. */
export function debugType(path: string): string {
  return path.replace(/^\/debug\//, '').replace(/\?.*$/, '');
}

/** Parses `/debug/list` (a JSON array of paths) into the type names, sorted; undefined when it is not one. */
export function parseDebugList(body: string): string[] | undefined {
  try {
    const list: unknown = JSON.parse(body);
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) return undefined;
    return [...new Set((list as string[]).map(debugType))].sort();
  } catch {
    return undefined;
  }
}

/** The answer's JSON value, or the text itself when it is not JSON (some endpoints answer plain text). */
export function debugValue(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
