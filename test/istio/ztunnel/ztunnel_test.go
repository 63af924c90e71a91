// Package ztunneltest is the ztunnel area of the Istio oracle suite: for every case scripts/istio/ztunnel.mjs
// prepares (MESH_ISTIO_ZTUNNEL_DIR: a dump, a view, an output format and a filter, with mesh's output), istioctl's
// own ztunnel writer (istioctl/pkg/writer/ztunnel/configdump) prints the same view of the same dump, and the two
// outputs must be the same bytes.
package ztunneltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"istio.io/istio/istioctl/pkg/writer/ztunnel/configdump"

	"mesh.local/istio/internal/verdict"
)

// meshCase is what the Node side recorded for one case (case.json).
type meshCase struct {
	// Name is <dump>/<view and filter>[-<format>].
	Name   string `json:"name"`
	Dump   string `json:"dump"`
	View   string `json:"view"`
	Output string `json:"output"`
	Filter struct {
		Namespace   string `json:"namespace"`
		Node        string `json:"node"`
		Address     string `json:"address"`
		Direction   string `json:"direction"`
		Raw         bool   `json:"raw"`
		WithHeaders bool   `json:"withHeaders"`
	} `json:"filter"`
	// Code and Stderr are mesh's exit code and error output.
	Code   int    `json:"code"`
	Stderr string `json:"stderr"`
}

func TestZtunnel(t *testing.T) {
	// The writer logs unparsable certificate times; the outputs do not depend on it.
	verdict.QuietIstioLogs()
	suite := verdict.Open(t, "ztunnel", "allowlist.yaml")
	defer suite.Close(t)
	for _, k := range verdict.Cases[meshCase](t, "ztunnel") {
		c, mc := k.Dir, k.Info
		suite.Run(t, mc.Name, func(t *testing.T) []string {
			if mc.Code != 0 {
				t.Fatalf("mesh failed (exit %d): %s", mc.Code, mc.Stderr)
			}
			dump, err := os.ReadFile(mc.Dump)
			if err != nil {
				t.Fatal(err)
			}
			mesh, err := os.ReadFile(filepath.Join(c, "mesh.out"))
			if err != nil {
				t.Fatal(err)
			}
			// istioctl's output is not always the same from run to run: Go's map order, and go-yaml sorting keys
			// with a comparison that is not transitive for keys like `54ce…`, `5f17…`, `6a33…` (its result depends
			// on the random order it starts from). A case is identical when one of several runs gives mesh's bytes.
			var istio []byte
			for attempt := 0; attempt < 20; attempt++ {
				if istio, err = istioctlPrint(dump, mc); err != nil {
					t.Fatalf("istioctl's writer: %v", err)
				}
				if bytes.Equal(istio, mesh) {
					return nil
				}
			}
			return compare(istio, mesh, mc.Output)
		})
	}
}

// istioctlPrint runs what `istioctl ztunnel-config <view> --file <dump> -o <output>` with the case's filter runs.
func istioctlPrint(dump []byte, c meshCase) ([]byte, error) {
	var out bytes.Buffer
	cw := &configdump.ConfigWriter{Stdout: &out, FullDump: dump}
	if err := cw.Prime(dump); err != nil {
		return nil, err
	}
	f, short := c.Filter, c.Output == "short"
	var err error
	switch c.View {
	case "workload":
		filter := configdump.WorkloadFilter{Namespace: f.Namespace, Address: f.Address, Node: f.Node}
		if short {
			err = cw.PrintWorkloadSummary(filter)
		} else {
			err = cw.PrintWorkloadDump(filter, c.Output)
		}
	case "service":
		if short {
			err = cw.PrintServiceSummary(configdump.ServiceFilter{Namespace: f.Namespace})
		} else {
			err = cw.PrintServiceDump(configdump.ServiceFilter{Namespace: f.Namespace}, c.Output)
		}
	case "policy":
		if short {
			err = cw.PrintPolicySummary(configdump.PolicyFilter{Namespace: f.Namespace})
		} else {
			err = cw.PrintPolicyDump(configdump.PolicyFilter{Namespace: f.Namespace}, c.Output)
		}
	case "certificate":
		if short {
			err = cw.PrintSecretSummary()
		} else {
			err = cw.PrintSecretDump(c.Output)
		}
	case "connections":
		filter := configdump.ConnectionsFilter{Namespace: f.Namespace, Direction: f.Direction, Raw: f.Raw}
		if short {
			err = cw.PrintConnectionsSummary(filter)
		} else {
			err = cw.PrintConnectionsDump(filter, c.Output)
		}
	case "all":
		if short {
			err = cw.PrintFullSummary(f.WithHeaders)
		} else {
			err = cw.PrintFullDump(c.Output)
		}
	default:
		err = fmt.Errorf("unknown view %q", c.View)
	}
	return out.Bytes(), err
}

// compare returns no line when the outputs are the same bytes. Where they differ only in the order of a list's
// elements (Go takes a map's values in random order), it returns one `order:` line; else the first differing lines.
func compare(istio, mesh []byte, output string) []string {
	if bytes.Equal(istio, mesh) {
		return nil
	}
	if output != "short" && sameElements(istio, mesh) {
		return []string{"order: the same list elements, in another order"}
	}
	il, ml := strings.Split(string(istio), "\n"), strings.Split(string(mesh), "\n")
	var diffs []string
	for i := 0; i < len(il) || i < len(ml); i++ {
		var a, b string
		if i < len(il) {
			a = il[i]
		}
		if i < len(ml) {
			b = ml[i]
		}
		if a != b {
			diffs = append(diffs, fmt.Sprintf("line %d: istio=%q mesh=%q", i+1, a, b))
		}
		if len(diffs) == 5 {
			diffs = append(diffs, fmt.Sprintf("... (istio %d lines, mesh %d lines)", len(il), len(ml)))
			break
		}
	}
	return diffs
}

// sameElements: both outputs are lists (JSON or YAML) holding the same elements, counted with repeats.
func sameElements(a, b []byte) bool {
	canon := func(doc []byte) ([]string, bool) {
		j, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, false
		}
		var list []any
		if json.Unmarshal(j, &list) != nil {
			return nil, false
		}
		out := make([]string, len(list))
		for i, e := range list {
			b, _ := json.Marshal(e)
			out[i] = string(b)
		}
		sort.Strings(out)
		return out, true
	}
	x, ok1 := canon(a)
	y, ok2 := canon(b)
	return ok1 && ok2 && strings.Join(x, "\n") == strings.Join(y, "\n")
}
