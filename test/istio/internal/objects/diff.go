package objects

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// DiffDocuments lists how mesh's documents differ from Istio's, matching them by position (an injected stream keeps
// the input's order), as `doc[i].path: istio=… mesh=…` lines, plus a line when the counts differ. Both sides must
// already be normalised (Documents).
func DiffDocuments(istio, mesh []any) []string {
	var diffs []string
	if len(istio) != len(mesh) {
		diffs = append(diffs, fmt.Sprintf("document count: istio=%d mesh=%d", len(istio), len(mesh)))
	}
	for i := 0; i < len(istio) && i < len(mesh); i++ {
		diffs = append(diffs, DiffValues(fmt.Sprintf("doc[%d]", i), istio[i], mesh[i])...)
	}
	return diffs
}

// DiffObjects lists how mesh's objects differ from Istio's, matching them by Kind/name (see Key), as
// `Kind/name.path: istio=… mesh=…` lines, plus a line when the objects come in a different order (istiod applies
// them in order: the ServiceAccount before the Deployment that uses it). It normalises both sides itself.
func DiffObjects(istio, mesh []map[string]any) []string {
	index := func(objs []map[string]any) (map[string]any, []string) {
		m := map[string]any{}
		var order []string
		for _, o := range objs {
			m[Key(o)] = Normalize(o)
			order = append(order, Key(o))
		}
		return m, order
	}
	im, iorder := index(istio)
	mm, morder := index(mesh)
	var diffs []string
	if strings.Join(iorder, ",") != strings.Join(morder, ",") {
		diffs = append(diffs, fmt.Sprintf("objects: istio=%s mesh=%s", strings.Join(iorder, ","), strings.Join(morder, ",")))
	}
	for _, k := range sortedKeys(im, mm) {
		diffs = append(diffs, DiffValues(k, im[k], mm[k])...)
	}
	return diffs
}

// Key names an object for a report: Kind/name.
func Key(obj map[string]any) string {
	meta, _ := obj["metadata"].(map[string]any)
	return fmt.Sprintf("%v/%v", obj["kind"], meta["name"])
}

// DiffValues lists the differences between two decoded JSON values under path. Maps are compared key by key; lists
// whose items all have a unique, non-empty `name` (containers, env, volumes, ports) by name, then once by the order
// of the names both sides have; other lists of equal length item by item; anything else as a whole.
func DiffValues(path string, istio, mesh any) []string {
	var diffs []string
	diffValues(path, istio, mesh, &diffs)
	return diffs
}

func diffValues(path string, a, b any, diffs *[]string) {
	if reflect.DeepEqual(a, b) {
		return
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		for _, k := range sortedKeys(am, bm) {
			diffValues(path+"."+k, am[k], bm[k], diffs)
		}
		return
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok {
		if an, bn := names(al), names(bl); an != nil && bn != nil {
			diffNamedLists(path, al, bl, an, bn, diffs)
			return
		}
		if len(al) == len(bl) {
			for i := range al {
				diffValues(fmt.Sprintf("%s[%d]", path, i), al[i], bl[i], diffs)
			}
			return
		}
	}
	*diffs = append(*diffs, fmt.Sprintf("%s: istio=%s mesh=%s", path, compact(a), compact(b)))
}

// names returns the `name` of every item when all items are maps with a unique, non-empty name.
func names(list []any) []string {
	out := make([]string, 0, len(list))
	seen := map[string]bool{}
	for _, item := range list {
		m, ok := item.(map[string]any)
		n, _ := m["name"].(string)
		if !ok || n == "" || seen[n] {
			return nil
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// diffNamedLists compares lists of named items by name (Istio's order), then reports an order difference once.
func diffNamedLists(path string, al, bl []any, an, bn []string, diffs *[]string) {
	index := func(ns []string) map[string]int {
		m := map[string]int{}
		for i, n := range ns {
			m[n] = i
		}
		return m
	}
	ai, bi := index(an), index(bn)
	for _, n := range an {
		if j, ok := bi[n]; ok {
			diffValues(fmt.Sprintf("%s[%s]", path, n), al[ai[n]], bl[j], diffs)
		} else {
			*diffs = append(*diffs, fmt.Sprintf("%s[%s]: istio=%s mesh=(absent)", path, n, compact(al[ai[n]])))
		}
	}
	for _, n := range bn {
		if _, ok := ai[n]; !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s[%s]: istio=(absent) mesh=%s", path, n, compact(bl[bi[n]])))
		}
	}
	common := func(ns []string, other map[string]int) string {
		var out []string
		for _, n := range ns {
			if _, ok := other[n]; ok {
				out = append(out, n)
			}
		}
		return strings.Join(out, ",")
	}
	if ao, bo := common(an, bi), common(bn, ai); ao != bo {
		*diffs = append(*diffs, fmt.Sprintf("%s order: istio=%s mesh=%s", path, ao, bo))
	}
}

// sortedKeys is the sorted union of the maps' keys.
func sortedKeys(maps ...map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// compact writes a value on one line for a report, cut at 400 characters; (absent) for nothing.
func compact(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return strings.ReplaceAll(s, "\n", `\n`)
}
