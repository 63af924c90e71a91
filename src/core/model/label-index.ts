/**
 * Indexes for label selection, so that analyzers matching every resource against every workload stay linear on
 * big snapshots (10,000 resources): candidates come from one posting list, then the exact `selects` check runs on
 * them alone. Results keep input order, so findings come out as a full scan would give them.
 */
import { selects } from './selectors.js';

/** Posting lists by scope (a namespace, or '' for all), label key and value. Nested maps: no key strings to build. */
class Postings {
  private readonly scopes = new Map<string, Map<string, Map<string, number[]>>>();

  add(scope: string, key: string, value: string, i: number): void {
    let keys = this.scopes.get(scope);
    if (!keys) this.scopes.set(scope, (keys = new Map()));
    let values = keys.get(key);
    if (!values) keys.set(key, (values = new Map()));
    const list = values.get(value);
    if (list) list.push(i);
    else values.set(value, [i]);
  }

  get(scope: string, key: string, value: string): readonly number[] {
    return this.scopes.get(scope)?.get(key)?.get(value) ?? NONE;
  }
}

const NONE: readonly number[] = [];

/** Items with labels (workloads), found by a selector. */
export class LabelIndex<T> {
  private readonly all: number[];
  private readonly byNamespace = new Map<string, number[]>();
  /** Scope '' holds every namespace's items (for cluster-wide lookups); `/ns` one namespace's. */
  private readonly byPair = new Postings();
  private readonly labels: Record<string, string>[];
  private readonly namespaces: string[];

  /** Indexes `items` by namespace and by each label pair. */
  constructor(
    private readonly items: readonly T[],
    labelsOf: (item: T) => Record<string, string>,
    namespaceOf: (item: T) => string,
  ) {
    this.all = items.map((_, i) => i);
    this.labels = items.map(labelsOf);
    this.namespaces = items.map(namespaceOf);
    for (let i = 0; i < items.length; i++) {
      const ns = this.namespaces[i]!;
      const list = this.byNamespace.get(ns);
      if (list) list.push(i);
      else this.byNamespace.set(ns, [i]);
      const labels = this.labels[i]!;
      for (const k in labels) {
        this.byPair.add('', k, labels[k]!, i);
        this.byPair.add(`/${ns}`, k, labels[k]!, i);
      }
    }
  }

  /** Items whose labels `selector` selects (an empty selector selects all), in `namespace` when given, in input order. */
  select(selector: Record<string, string>, namespace?: string): T[] {
    return this.candidates(selector, namespace)
      .filter((i) => this.matches(i, selector, namespace))
      .map((i) => this.items[i]!);
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
    let best: readonly number[] = namespace === undefined ? this.all : (this.byNamespace.get(namespace) ?? NONE);
    const scope = namespace === undefined ? '' : `/${namespace}`;
    for (const k in selector) {
      const list = this.byPair.get(scope, k, selector[k]!);
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
  private readonly byPair = new Postings();
  private readonly selectors: Record<string, string>[];
  private readonly namespaces: string[];

  /** Indexes the items whose selector is non-empty; items with an empty selector are never returned. */
  constructor(
    private readonly items: readonly T[],
    selectorOf: (item: T) => Record<string, string>,
    namespaceOf: (item: T) => string,
  ) {
    this.selectors = items.map(selectorOf);
    this.namespaces = items.map(namespaceOf);
    const shared = new Postings();
    this.selectors.forEach((sel, i) => {
      for (const k in sel) shared.add(this.namespaces[i]!, k, sel[k]!, i);
    });
    this.selectors.forEach((sel, i) => {
      const ns = this.namespaces[i]!;
      let rarest: string | undefined;
      for (const k in sel) if (rarest === undefined || shared.get(ns, k, sel[k]!).length < shared.get(ns, rarest, sel[rarest]!).length) rarest = k;
      if (rarest !== undefined) this.byPair.add(ns, rarest, sel[rarest]!, i);
    });
  }

  /** Items in `namespace` whose selector selects `labels`, in input order. */
  selecting(labels: Record<string, string>, namespace: string): T[] {
    const hits: number[] = [];
    for (const k in labels) {
      for (const i of this.byPair.get(namespace, k, labels[k]!)) if (selects(this.selectors[i]!, labels)) hits.push(i);
    }
    return hits.sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}
