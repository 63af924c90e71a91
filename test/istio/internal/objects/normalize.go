// Package objects normalises and diffs Kubernetes objects for every area of the Istio oracle suite: it removes what
// differs only between Go's and mesh's serializers (not in meaning), then lists the remaining differences as
// `path: istio=… mesh=…` lines, which the verdict package matches against an area's allowlist.
package objects

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"k8s.io/apimachinery/pkg/api/resource"
	kyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// Documents parses a multi-document YAML stream into normalised documents (see Normalize); empty documents are
// dropped. Each document also loses the zero fields Go's typed round trip adds (see DropGoZeroFields).
func Documents(stream []byte) ([]any, error) {
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
		if doc = Normalize(doc); doc != nil {
			docs = append(docs, DropGoZeroFields(doc))
		}
	}
}

// Normalize returns v (decoded JSON) without serialization noise: null fields (creationTimestamp: null), empty maps
// and lists (status: {}, resources: {}), resource quantities in non-canonical form (2000m vs 2), and key order in the
// JSON text of the PROXY_CONFIG variable and the proxy.istio.io/overrides annotation. nil when nothing is left.
func Normalize(v any) any { return normalize(v, "") }

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
				out[k] = CanonicalQuantity(q)
			}
		}
		// proxy.istio.io/overrides holds the user's containers as JSON: compare them as data (Go writes every
		// container with `"resources":{}` and in struct field order; mesh writes what the user wrote).
		if key == "annotations" {
			parseJSONField(out, "proxy.istio.io/overrides")
		}
		if out["name"] == "PROXY_CONFIG" {
			parseJSONField(out, "value")
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
			return CanonicalQuantity(v)
		}
		return v
	}
}

// parseJSONField replaces m[key], when it is a string holding JSON, with the normalised data.
func parseJSONField(m map[string]any, key string) {
	s, ok := m[key].(string)
	if !ok {
		return
	}
	var parsed any
	if json.Unmarshal([]byte(s), &parsed) == nil {
		m[key] = normalize(parsed, "")
	}
}

// CanonicalQuantity writes a resource quantity as Kubernetes does (1024Mi → 1Gi, 2000m → 2); anything that is not a
// quantity is returned unchanged.
func CanonicalQuantity(v any) any {
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

// DropGoZeroFields removes what differs only by Go's typed round trip of a workload, where mesh keeps the input as
// it is: a `status` of zero counters (fields without omitempty, which Go adds), and on a DeploymentConfig
// `spec.test: false` (Go adds it) and a zero `spec.minReadySeconds` or `spec.paused: false` (omitempty: Go drops
// them when the input has them). Items of a `kind: List` are treated the same way.
func DropGoZeroFields(doc any) any {
	m, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	if status, ok := m["status"]; ok && allZero(status) {
		delete(m, "status")
	}
	if spec, ok := m["spec"].(map[string]any); ok && m["kind"] == "DeploymentConfig" {
		for _, k := range []string{"test", "minReadySeconds", "paused"} {
			if v, ok := spec[k]; ok && allZero(v) {
				delete(spec, k)
			}
		}
	}
	if items, ok := m["items"].([]any); ok && m["kind"] == "List" {
		for i, item := range items {
			items[i] = DropGoZeroFields(item)
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
