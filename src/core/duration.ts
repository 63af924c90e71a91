/**
 * Durations as Go and kubectl flags take them (`300` seconds, `90s`, `5m`, `1h30m`, `1500ms`, `2.5s`), for every
 * command's timeout flag. (Istio's proto durations in resources follow other rules: core/validate/formats.ts.)
 */

/** Milliseconds for `text`, or undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? total : undefined;
}

/** Whole milliseconds as Go's time.Duration prints them: `0s`, `250ms`, `1.5s`, `1m0s`, `1h2m3.5s`. */
export function formatGoDuration(ms: number): string {
  const whole = Math.trunc(ms);
  if (whole === 0) return '0s';
  if (whole < 0) return `-${formatGoDuration(-whole)}`;
  if (whole < 1000) return `${whole}ms`;
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const s = `${String((whole % 60_000) / 1000)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '')}s`;
  return h ? `${h}h${m}m${s}` : m ? `${m}m${s}` : s;
}
