// Package proxyconfigtest is the proxyconfig area of the Istio oracle suite: for every case
// scripts/istio/proxyconfig.mjs prepares (MESH_ISTIO_PROXYCONFIG_DIR: a config dump, a view, a filter, a format),
// istioctl's own config-dump writer (istioctl/pkg/writer/envoy/configdump, as `istioctl proxy-config --file` calls
// it) prints the same dump as `mesh proxy-config`; short output is compared line by line after collapsing runs of
// spaces (tab alignment), JSON and YAML as data.
package proxyconfigtest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"istio.io/istio/istioctl/pkg/writer/envoy/configdump"
	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pkg/config/host"
	"sigs.k8s.io/yaml"

	"mesh.local/istio/internal/objects"
	"mesh.local/istio/internal/verdict"
)

// meshCase is what the Node side recorded for one case (case.json); mesh's output is in mesh.out beside it.
type meshCase struct {
	Name   string   `json:"name"`
	Dump   string   `json:"dump"`
	View   string   `json:"view"`
	Filter []string `json:"filter"`
	Format string   `json:"format"`
	Error  string   `json:"error"`
}

func TestProxyConfig(t *testing.T) {
	verdict.QuietIstioLogs()
	suite := verdict.Open(t, "proxyconfig", "allowlist.yaml")
	defer suite.Close(t)
	for _, k := range verdict.Cases[meshCase](t, "proxyconfig") {
		caseDir, c := k.Dir, k.Info
		suite.Run(t, c.Name, func(t *testing.T) []string {
			istio, istioErr := istioOutput(c)
			if istioErr != nil || c.Error != "" {
				switch {
				case istioErr != nil && c.Error != "":
					return nil
				case istioErr != nil:
					return []string{"verdict: istio=error mesh=printed: " + istioErr.Error()}
				default:
					return []string{"verdict: istio=printed mesh=error: " + c.Error}
				}
			}
			mesh, err := os.ReadFile(filepath.Join(caseDir, "mesh.out"))
			if err != nil {
				t.Fatal(err)
			}
			if c.Format == "short" {
				return diffText(istio, string(mesh))
			}
			return diffData(istio, string(mesh))
		})
	}
}

// istioOutput prints the case's dump with istioctl's writer, as `istioctl proxy-config <view> --file` does.
func istioOutput(c meshCase) (string, error) {
	dump, err := os.ReadFile(c.Dump)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	cw := &configdump.ConfigWriter{Stdout: &out}
	if err := cw.Prime(dump); err != nil {
		return "", err
	}
	flag := func(name string) string {
		for i := 0; i+1 < len(c.Filter); i++ {
			if c.Filter[i] == name {
				return c.Filter[i+1]
			}
		}
		return ""
	}
	port, _ := strconv.Atoi(flag("--port"))
	short := c.Format == "short"
	switch c.View {
	case "cluster":
		f := configdump.ClusterFilter{FQDN: host.Name(flag("--fqdn")), Port: port, Subset: flag("--subset"), Direction: model.TrafficDirection(flag("--direction"))}
		if short {
			err = cw.PrintClusterSummary(f)
		} else {
			err = cw.PrintClusterDump(f, c.Format)
		}
	case "listener":
		f := configdump.ListenerFilter{Address: flag("--address"), Port: uint32(port), Type: flag("--type"), Verbose: true}
		if short {
			err = cw.PrintListenerSummary(f)
		} else {
			err = cw.PrintListenerDump(f, c.Format)
		}
	case "route":
		f := configdump.RouteFilter{Name: flag("--name"), Verbose: true}
		if short {
			err = cw.PrintRouteSummary(f)
		} else {
			err = cw.PrintRouteDump(f, c.Format)
		}
	case "secret":
		if short {
			err = cw.PrintSecretSummary()
		} else {
			err = cw.PrintSecretDump(c.Format)
		}
	case "bootstrap":
		if short {
			err = cw.PrintBootstrapSummary()
		} else {
			err = cw.PrintBootstrapDump(c.Format)
		}
	default:
		err = fmt.Errorf("unknown view %q", c.View)
	}
	return out.String(), err
}

// diffText compares short output line by line, runs of spaces collapsed (both align columns, maybe differently).
func diffText(istio, mesh string) []string {
	norm := func(s string) []string {
		var out []string
		for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
		return out
	}
	a, b := norm(istio), norm(mesh)
	var diffs []string
	if len(a) != len(b) {
		diffs = append(diffs, fmt.Sprintf("lines: istio=%d mesh=%d", len(a), len(b)))
	}
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			diffs = append(diffs, fmt.Sprintf("line[%d]: istio=%q mesh=%q", i, x, y))
		}
		if len(diffs) > 40 {
			diffs = append(diffs, "… (more lines differ)")
			break
		}
	}
	return diffs
}

// diffData compares JSON or YAML output as data.
func diffData(istio, mesh string) []string {
	parse := func(s string) (any, error) {
		var v any
		err := yaml.Unmarshal([]byte(s), &v)
		return v, err
	}
	a, err := parse(istio)
	if err != nil {
		return []string{"istio output does not parse: " + err.Error()}
	}
	b, err := parse(mesh)
	if err != nil {
		return []string{"mesh output does not parse: " + err.Error()}
	}
	diffs := objects.DiffValues("out", a, b)
	if len(diffs) > 40 {
		diffs = append(diffs[:40], "… (more differences)")
	}
	return diffs
}
