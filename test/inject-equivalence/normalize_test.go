package equivalence

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	kyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// normalizedDocuments parses a multi-document YAML stream and removes what only differs between Go's and mesh's
// serializers, not in meaning: null fields (creationTimestamp: null), empty maps and lists (status: {},
// resources: {}), resource quantities in non-canonical form (2000m vs 2), and key order inside the JSON text of
// the PROXY_CONFIG variable. Empty documents are dropped.
func normalizedDocuments(stream []byte) ([]any, error) {
	reader := kyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(stream)))
	var docs []any
	for {
		raw, err := reader.Read()
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		js, err := yaml.YAMLToJSON(raw)
		if err != nil {
			return nil, err
		}
		var doc any
		if err := json.Unmarshal(js, &doc); err != nil {
			return nil, err
		}
		if doc = normalize(doc, ""); doc != nil {
			docs = append(docs, dropGoZeroFields(doc))
		}
	}
}

// normalize returns v without the serialization noise; nil when nothing meaningful is left.
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
		// proxy.istio.io/overrides holds the user's containers as JSON: compare them as data (Go writes every
		// container with `"resources":{}` and in struct field order; mesh writes what the user wrote).
		if key == "annotations" {
			if s, ok := out["proxy.istio.io/overrides"].(string); ok {
				var parsed any
				if json.Unmarshal([]byte(s), &parsed) == nil {
					out["proxy.istio.io/overrides"] = normalize(parsed, "")
				}
			}
		}
		// PROXY_CONFIG carries JSON: compare it as JSON, not as text.
		if out["name"] == "PROXY_CONFIG" {
			if s, ok := out["value"].(string); ok {
				var parsed any
				if json.Unmarshal([]byte(s), &parsed) == nil {
					out["value"] = parsed
				}
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		out := make([]any, 0, len(x))
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

// dropGoZeroFields removes what Go's typed round trip adds to a workload and mesh (keeping the input) does not: a
// `status` of zero counters (fields without omitempty) and DeploymentConfig's `spec.test: false`. Items of a
// `kind: List` are treated the same way.
func dropGoZeroFields(doc any) any {
	m, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	if status, ok := m["status"]; ok && allZero(status) {
		delete(m, "status")
	}
	if spec, ok := m["spec"].(map[string]any); ok && m["kind"] == "DeploymentConfig" && spec["test"] == false {
		delete(spec, "test")
	}
	if items, ok := m["items"].([]any); ok && m["kind"] == "List" {
		for i, item := range items {
			items[i] = dropGoZeroFields(item)
		}
	}
	return m
}

// allZero reports whether every leaf of v is a zero value (0, false, "").
func allZero(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for _, child := range x {
			if !allZero(child) {
				return false
			}
		}
		return true
	case []any:
		for _, child := range x {
			if !allZero(child) {
				return false
			}
		}
		return true
	case float64:
		return x == 0
	case bool:
		return !x
	case string:
		return x == ""
	default:
		return v == nil
	}
}

// canonicalQuantity writes a resource quantity as Kubernetes does (1024Mi → 1Gi); anything else is left alone.
func canonicalQuantity(v any) any {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return v
	}
	q, err := resource.ParseQuantity(s)
	if err != nil {
		return v
	}
	return q.String()
}

// diffDocuments lists the differences between Istio's documents and mesh's as `path: istio=… mesh=…` lines.
func diffDocuments(istio, mesh []any) []string {
	var diffs []string
	if len(istio) != len(mesh) {
		diffs = append(diffs, fmt.Sprintf("document count: istio=%d mesh=%d", len(istio), len(mesh)))
	}
	for i := 0; i < len(istio) && i < len(mesh); i++ {
		diffValues(fmt.Sprintf("doc[%d]", i), istio[i], mesh[i], &diffs)
	}
	return diffs
}

func diffValues(path string, a, b any, diffs *[]string) {
	if reflect.DeepEqual(a, b) {
		return
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
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

// names returns the `name` of every item when all items are maps with a unique name (containers, env, volumes).
func names(list []any) []string {
	out := make([]string, 0, len(list))
	seen := map[string]bool{}
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil
		}
		n, ok := m["name"].(string)
		if !ok || seen[n] {
			return nil
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// diffNamedLists compares lists of named items by name, then reports an order difference once.
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
	var aOrder, bOrder []string
	for _, n := range an {
		if _, ok := bi[n]; ok {
			aOrder = append(aOrder, n)
		}
	}
	for _, n := range bn {
		if _, ok := ai[n]; ok {
			bOrder = append(bOrder, n)
		}
	}
	if strings.Join(aOrder, ",") != strings.Join(bOrder, ",") {
		*diffs = append(*diffs, fmt.Sprintf("%s order: istio=%s mesh=%s", path, strings.Join(aOrder, ","), strings.Join(bOrder, ",")))
	}
}

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

func itoa(n int) string { return strconv.Itoa(n) }
