package objects

import (
	"reflect"
	"strings"
	"testing"
)

func TestDocumentsDropsSerializerNoise(t *testing.T) {
	istio := []byte(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  annotations:
    proxy.istio.io/overrides: '{"containers":[{"name":"app","resources":{}}]}'
spec:
  containers:
  - name: app
    resources:
      limits: {cpu: 2000m, memory: 1024Mi}
    env:
    - name: PROXY_CONFIG
      value: '{"b":1,"a":2}'
status: {}
---
`)
	mesh := []byte(`kind: Pod
apiVersion: v1
metadata:
  annotations:
    proxy.istio.io/overrides: '{"containers":[{"name":"app"}]}'
spec:
  containers:
  - name: app
    resources:
      limits: {cpu: "2", memory: 1Gi}
    env:
    - {name: PROXY_CONFIG, value: '{"a":2,"b":1}'}
`)
	a, err := Documents(istio)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Documents(mesh)
	if err != nil {
		t.Fatal(err)
	}
	if d := DiffDocuments(a, b); len(d) != 0 {
		t.Errorf("want no differences, got %q", d)
	}
}

func TestDropGoZeroFields(t *testing.T) {
	doc := map[string]any{"kind": "DeploymentConfig", "spec": map[string]any{"test": false, "replicas": 1.0, "minReadySeconds": 0.0, "paused": false},
		"status": map[string]any{"replicas": 0.0, "conditions": []any{}}}
	got := DropGoZeroFields(doc)
	want := map[string]any{"kind": "DeploymentConfig", "spec": map[string]any{"replicas": 1.0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	busy := map[string]any{"status": map[string]any{"replicas": 2.0}}
	if DropGoZeroFields(busy).(map[string]any)["status"] == nil {
		t.Error("a status with a non-zero counter must stay")
	}
}

func TestDiffValuesNamedLists(t *testing.T) {
	istio := map[string]any{"env": []any{
		map[string]any{"name": "A", "value": "1"}, map[string]any{"name": "B", "value": "2"}, map[string]any{"name": "C"},
	}}
	mesh := map[string]any{"env": []any{
		map[string]any{"name": "B", "value": "2"}, map[string]any{"name": "A", "value": "9"}, map[string]any{"name": "D"},
	}}
	want := []string{
		`x.env[A].value: istio="1" mesh="9"`,
		`x.env[C]: istio={"name":"C"} mesh=(absent)`,
		`x.env[D]: istio=(absent) mesh={"name":"D"}`,
		`x.env order: istio=A,B mesh=B,A`,
	}
	if got := DiffValues("x", istio, mesh); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestDiffObjectsByKindAndName(t *testing.T) {
	sa := map[string]any{"kind": "ServiceAccount", "metadata": map[string]any{"name": "gw"}}
	dep := func(replicas float64) map[string]any {
		return map[string]any{"kind": "Deployment", "metadata": map[string]any{"name": "gw"}, "spec": map[string]any{"replicas": replicas}}
	}
	got := DiffObjects([]map[string]any{sa, dep(1)}, []map[string]any{dep(2), sa})
	want := []string{
		"objects: istio=ServiceAccount/gw,Deployment/gw mesh=Deployment/gw,ServiceAccount/gw",
		"Deployment/gw.spec.replicas: istio=1 mesh=2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCanonicalQuantity(t *testing.T) {
	for in, want := range map[any]any{"1024Mi": "1Gi", 0.5: "500m", "2000m": "2", "not a quantity": "not a quantity", true: true} {
		if got := CanonicalQuantity(in); got != want {
			t.Errorf("CanonicalQuantity(%v) = %v, want %v", in, got, want)
		}
	}
}
