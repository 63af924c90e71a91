// Package waypointtest is the waypoint area of the Istio oracle suite: each case scripts/istio/waypoint.mjs prepares
// (MESH_ISTIO_WAYPOINT_DIR) runs istioctl's own waypoint command (istioctl/pkg/waypoint.Cmd) with istioctl's fake
// client holding the case's Gateways, and mesh's output on the same Gateways (served to it by the driver) must be the
// same: stdout byte for byte, and for a refused command the same error (istioctl's wrapping prefixes aside). The
// list/status cases are those of istioctl's waypoint_test.go; istioctl must also still print their goldens
// (istioctl/pkg/waypoint/testdata/waypoint, read from the module), so the cases here are the cases there.
package waypointtest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	gateway "sigs.k8s.io/gateway-api/apis/v1"

	"istio.io/istio/istioctl/pkg/cli"
	"istio.io/istio/istioctl/pkg/waypoint"

	"mesh.local/istio/internal/verdict"
)

// meshCase is one case as the Node side wrote it (case.json).
type meshCase struct {
	// Name is the case's name: generate/<flags> or cluster/<golden file>.
	Name string `json:"name"`
	// Args are the waypoint subcommand and its flags (without -n).
	Args []string `json:"args"`
	// Namespace is -n ("" when not given).
	Namespace string `json:"namespace"`
	// Golden names istioctl's golden file for the cluster cases.
	Golden string `json:"golden"`
	// Gateways are the cluster's Gateways.
	Gateways []gateway.Gateway `json:"gateways"`
	// Mesh is what mesh printed and returned.
	Mesh struct {
		Stdout string `json:"stdout"`
		Stderr string `json:"stderr"`
		Code   int    `json:"code"`
	} `json:"mesh"`
}

// istioctl runs istioctl's waypoint command on the case; returns stdout and the error, if any.
func istioctl(t *testing.T, c meshCase) (string, error) {
	ctx := cli.NewFakeContext(&cli.NewFakeContextOption{Namespace: c.Namespace})
	client, err := ctx.CLIClient()
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Gateways {
		gw := c.Gateways[i]
		if _, err := client.GatewayAPI().GatewayV1().Gateways(gw.Namespace).Create(context.Background(), &gw, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	cmd := waypoint.Cmd(ctx)
	cmd.SetArgs(c.Args)
	cmd.SetOut(&out)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	cmd.SetUsageFunc(func(*cobra.Command) error { return nil })
	err = cmd.Execute()
	return out.String(), err
}

// istioMessage is istioctl's error without the wrapping its RunE functions add, tabs as spaces (mesh prints one line).
func istioMessage(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"failed to create gateway: ", "failed to print waypoint status: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return strings.ReplaceAll(msg, "\t", " ")
}

func TestWaypoint(t *testing.T) {
	dir, istioDir := os.Getenv("MESH_ISTIO_WAYPOINT_DIR"), os.Getenv("ISTIO_MODULE_DIR")
	if dir == "" || istioDir == "" {
		t.Fatal("MESH_ISTIO_WAYPOINT_DIR/ISTIO_MODULE_DIR are not set: run `npm run test:istio -- --area waypoint`, which prepares the cases and runs this test")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "case.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", dir, err)
	}
	sort.Strings(files)
	suite := verdict.Open(t, "waypoint", "allowlist.yaml")
	defer suite.Close(t)
	for _, f := range files {
		var c meshCase
		b, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(b, &c)
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		suite.Run(t, c.Name, func(t *testing.T) []string {
			out, ierr := istioctl(t, c)
			var diffs []string
			if c.Golden != "" {
				golden, err := os.ReadFile(filepath.Join(istioDir, "istioctl/pkg/waypoint/testdata/waypoint", c.Golden))
				if err != nil {
					t.Fatal(err)
				}
				// The notready-wait golden records cobra's "Error: ..." line, which Execute returns instead here.
				printed := out
				if ierr != nil {
					printed = "Error: " + ierr.Error() + "\n\n"
				}
				if printed != string(golden) {
					t.Fatalf("istioctl no longer prints its golden %s for this case:\n%s\nvs\n%s", c.Golden, printed, golden)
				}
			}
			meshErr := strings.TrimPrefix(strings.SplitN(c.Mesh.Stderr, "\n", 2)[0], "error: ")
			switch {
			case ierr != nil && c.Mesh.Code == 0:
				diffs = append(diffs, "exit: istio=error("+istioMessage(ierr)+") mesh=0")
			case ierr == nil && c.Mesh.Code != 0:
				diffs = append(diffs, "exit: istio=0 mesh="+meshErr)
			case ierr != nil && istioMessage(ierr) != meshErr:
				diffs = append(diffs, "error: istio="+istioMessage(ierr)+" mesh="+meshErr)
			}
			if ierr == nil && out != c.Mesh.Stdout {
				diffs = append(diffs, "stdout: istio="+strings.ReplaceAll(out, "\n", "⏎")+" mesh="+strings.ReplaceAll(c.Mesh.Stdout, "\n", "⏎"))
			}
			return diffs
		})
	}
}
