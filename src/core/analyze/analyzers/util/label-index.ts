/**
 * Indexes for label selection, so that analyzers matching every resource against every workload stay linear on
 * big snapshots (10,000 resources): candidates come from one posting list, then the exact `selects` check runs on
 * them alone. Results keep input order, so findings come out as a full scan would give them.
 */
import { selects } from './selectors.js';

const pairKey = (namespace: string, key: string, value: string): string => `${namespace}\u0000${key}\u0000${value}`;

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Items with labels (workloads), found by a selector. */
export class LabelIndex<T> {
  private readonly all: number[];
  private readonly byNamespace = new Map<string, number[]>();
  /** Namespace '' holds every namespace's items (for cluster-wide lookups). */
  private readonly byPair = new Map<string, number[]>();
  private readonly labels: Record<string, string>[];
  private readonly namespaces: string[];

  /** Indexes `items` by namespace and by each label pair. */
  constructor(private readonly items: readonly T[], labelsOf: (item: T) => Record<string, string>, namespaceOf: (item: T) => string) {
    this.all = items.map((_, i) => i);
    this.labels = items.map(labelsOf);
    this.namespaces = items.map(namespaceOf);
    items.forEach((_, i) => {
      const ns = this.namespaces[i]!;
      push(this.byNamespace, ns, i);
      for (const [k, v] of Object.entries(this.labels[i]!)) {
        push(this.byPair, pairKey('', k, v), i);
        push(this.byPair, pairKey(`/${ns}`, k, v), i);
      }
    });
  }

  /** Items whose labels `selector` selects (an empty selector selects all), in `namespace` when given, in input order. */
  select(selector: Record<string, string>, namespace?: string): T[] {
    return this.candidates(selector, namespace).filter((i) => this.matches(i, selector, namespace)).map((i) => this.items[i]!);
  }

  /** True when some item matches (as select would return it). */
  any(selector: Record<string, string>, namespace?: string): boolean {
    return this.candidates(selector, namespace).some((i) => this.matches(i, selector, namespace));
  }

  private matches(i: number, selector: Record<string, string>, namespace: string | undefined): boolean {
    return (namespace === undefined || this.namespaces[i] === namespace) && selects(selector, this.labels[i]!);
  }

  /** The shortest posting list that must contain every match. */
  private candidates(selector: Record<string, string>, namespace: string | undefined): readonly number[] {
    let best: readonly number[] = namespace === undefined ? this.all : (this.byNamespace.get(namespace) ?? []);
    const scope = namespace === undefined ? '' : `/${namespace}`;
    for (const [k, v] of Object.entries(selector)) {
      const list = this.byPair.get(pairKey(scope, k, v)) ?? [];
      if (list.length < best.length) best = list;
    }
    return best;
  }
}

/** Items with non-empty selectors (Services), found by the labels of a workload they would select. */
export class SelectorIndex<T> {
  /**
   * Each item sits under one pair of its selector (the one fewest selectors share, so that a label every Service
   * selects on does not make one long list): a match must have that pair, so each is found exactly once.
   */
  private readonly byPair = new Map<string, number[]>();
  private readonly selectors: Record<string, string>[];
  private readonly namespaces: string[];

  /** Indexes the items whose selector is non-empty; items with an empty selector are never returned. */
  constructor(private readonly items: readonly T[], selectorOf: (item: T) => Record<string, string>, namespaceOf: (item: T) => string) {
    this.selectors = items.map(selectorOf);
    this.namespaces = items.map(namespaceOf);
    const shared = new Map<string, number>();
    const pairs = this.selectors.map((sel, i) => Object.entries(sel).map(([k, v]) => pairKey(this.namespaces[i]!, k, v)));
    for (const keys of pairs) for (const key of keys) shared.set(key, (shared.get(key) ?? 0) + 1);
    pairs.forEach((keys, i) => {
      const rarest = keys.reduce<string | undefined>((best, key) => (best === undefined || shared.get(key)! < shared.get(best)! ? key : best), undefined);
      if (rarest !== undefined) push(this.byPair, rarest, i);
    });
  }

  /** Items in `namespace` whose selector selects `labels`, in input order. */
  selecting(labels: Record<string, string>, namespace: string): T[] {
    const hits: number[] = [];
    for (const [k, v] of Object.entries(labels)) {
      for (const i of this.byPair.get(pairKey(namespace, k, v)) ?? []) if (selects(this.selectors[i]!, labels)) hits.push(i);
    }
    return hits.sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}
