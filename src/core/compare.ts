/**
 * String order for sorting keys and names in output: by UTF-16 code unit, as Go's and kubectl's sort.Strings do,
 * so renders compare byte-for-byte with theirs. Not localeCompare: its Intl collator costs ~10 ms to set up on
 * first use, which start-up-bound commands (kube-inject) notice, and it depends on the machine's locale data.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for `Object.entries(...)` pairs by key. */
export function byKey<T>([a]: [string, T], [b]: [string, T]): number {
  return compareStrings(a, b);
}
