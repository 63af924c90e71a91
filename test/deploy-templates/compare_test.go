package deploytemplates

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/yaml"
)

// normalize drops what means nothing to the API server's apply: null fields, empty maps and lists; writes resource
// quantities canonically (2000m = 2); and compares PROXY_CONFIG's JSON as data, not text. nil when nothing is left.
func normalize(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, child := range x {
			if n := normalize(child, k); n != nil {
				out[k] = n
			}
		}
		if key == "requests" || key == "limits" {
			for k, q := range out {
				out[k] = canonicalQuantity(q)
			}
		}
		if s, ok := out["value"].(string); ok && out["name"] == "PROXY_CONFIG" {
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				out["value"] = parsed
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		var out []any
		for _, child := range x {
			if n := normalize(child, ""); n != nil {
				out = append(out, n)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	default:
		if key == "divisor" {
			return canonicalQuantity(v)
		}
		return v
	}
}

func canonicalQuantity(v any) any {
	s := fmt.Sprint(v)
	if f, ok := v.(float64); ok {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	q, err := resource.ParseQuantity(s)
	if err != nil {
		return v
	}
	return q.String()
}

// objectKey names an object for the report: Kind/name.
func objectKey(obj map[string]any) string {
	meta, _ := obj["metadata"].(map[string]any)
	return fmt.Sprintf("%v/%v", obj["kind"], meta["name"])
}

// diffObjects lists how mesh's objects differ from Istio's, as `Kind/name.path: istio=… mesh=…`, and a difference
// in the objects' order (istiod applies them in order: the ServiceAccount before the Deployment that uses it).
func diffObjects(istio, mesh []map[string]any) []string {
	var diffs []string
	index := func(objs []map[string]any) (map[string]any, []string) {
		m := map[string]any{}
		var order []string
		for _, o := range objs {
			m[objectKey(o)] = normalize(o, "")
			order = append(order, objectKey(o))
		}
		return m, order
	}
	im, iorder := index(istio)
	mm, morder := index(mesh)
	if strings.Join(iorder, ",") != strings.Join(morder, ",") {
		diffs = append(diffs, fmt.Sprintf("objects: istio=%s mesh=%s", strings.Join(iorder, ","), strings.Join(morder, ",")))
	}
	for _, k := range sortedKeys(im, mm) {
		diffValues(k, im[k], mm[k], &diffs)
	}
	return diffs
}

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
		an, bn := names(al), names(bl)
		if an != nil && bn != nil {
			// Lists of named items (containers, env, volumes, ports) are compared by name, then by order.
			am, bm := map[string]any{}, map[string]any{}
			for i, n := range an {
				am[n] = al[i]
			}
			for i, n := range bn {
				bm[n] = bl[i]
			}
			for _, k := range sortedKeys(am, bm) {
				diffValues(fmt.Sprintf("%s[%s]", path, k), am[k], bm[k], diffs)
			}
			if reflect.DeepEqual(sortedKeys(am), sortedKeys(bm)) && strings.Join(an, ",") != strings.Join(bn, ",") {
				*diffs = append(*diffs, fmt.Sprintf("%s order: istio=%s mesh=%s", path, strings.Join(an, ","), strings.Join(bn, ",")))
			}
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

// names returns each item's `name` when every item is a map with a unique one.
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

func compact(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, _ := json.Marshal(v)
	if s := string(b); len(s) <= 300 {
		return s
	}
	return string(b[:300]) + "…"
}

// allowEntry is one documented, intended difference: diffs of `template` whose path starts with `path`.
type allowEntry struct {
	Template string `json:"template"`
	Path     string `json:"path"`
	Reason   string `json:"reason"`
	used     bool
}

func loadAllowlist(path string) ([]*allowEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		Intended []*allowEntry `json:"intended"`
	}
	if err := yaml.UnmarshalStrict(b, &file); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for i, e := range file.Intended {
		if e.Template == "" || e.Path == "" || strings.TrimSpace(e.Reason) == "" {
			return nil, fmt.Errorf("%s: intended[%d] needs template, path and reason", path, i)
		}
	}
	return file.Intended, nil
}

// allowed splits diffs into those the allowlist documents (with the reason) and the rest, marking entries used.
func allowed(allow []*allowEntry, template string, diffs []string) (ok, rest []string) {
	for _, d := range diffs {
		var hit *allowEntry
		for _, e := range allow {
			if e.Template == template && strings.HasPrefix(d, e.Path) {
				hit = e
				break
			}
		}
		if hit == nil {
			rest = append(rest, d)
			continue
		}
		hit.used = true
		ok = append(ok, d+"  (intended: "+strings.TrimSpace(hit.Reason)+")")
	}
	return ok, rest
}
