// Package translatetest is the translate area of the Istio oracle suite: for every case scripts/istio/translate.mjs
// prepares (MESH_ISTIO_TRANSLATE_DIR; an IstioOperator input of Istio's manifest-generate tests and/or --set flags),
// Istio's own `manifest translate` (operator/cmd/mesh ManifestTranslate, with no cluster) writes its output next to
// what `mesh manifest translate -o` wrote, and the two must agree: the same files, the same values files, the same
// README (mesh names itself where istioctl does), and install scripts that hand over the same objects.
package translatetest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"istio.io/istio/operator/cmd/mesh"
	"istio.io/istio/operator/pkg/util/clog"

	"mesh.local/istio/internal/verdict"
)

// meshCase is what the Node side recorded for one case (case.json).
type meshCase struct {
	// Name is the case's name.
	Name string `json:"name"`
	// Files are the -f inputs (absolute paths).
	Files []string `json:"files"`
	// Set are the --set flags, as given to both.
	Set []string `json:"set"`
	// Error is mesh's one-line error when it refused the case ("" when it wrote its output to mesh/).
	Error string `json:"error"`
}

func TestTranslate(t *testing.T) {
	verdict.QuietIstioLogs()
	suite := verdict.Open(t, "translate", "allowlist.yaml")
	defer suite.Close(t)
	for _, k := range verdict.Cases[meshCase](t, "translate") {
		caseDir, c := k.Dir, k.Info
		suite.Run(t, c.Name, func(t *testing.T) []string {
			out := filepath.Join(caseDir, "istio")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			args := &mesh.ManifestTranslateArgs{InFilenames: c.Files, Set: c.Set, Output: out}
			var log io.Writer = io.Discard // Istio's "Output written to ..." line, once per case
			if os.Getenv("MESH_ISTIO_LOG") != "" {
				log = os.Stdout
			}
			istioErr := mesh.ManifestTranslate(nil, args, clog.NewConsoleLogger(log, log, nil))
			switch {
			case istioErr != nil && c.Error == "":
				return []string{"verdict: istio refused (" + istioErr.Error() + ") mesh translated"}
			case istioErr == nil && c.Error != "":
				return []string{"verdict: istio translated, mesh refused: " + c.Error}
			case istioErr != nil:
				return nil // both refuse
			}
			return compareDirs(filepath.Join(caseDir, "mesh"), out)
		})
	}
}

// compareDirs lists the differences between mesh's output and Istio's, file by file.
func compareDirs(meshDir, istioDir string) []string {
	var diffs []string
	meshFiles, istioFiles := names(meshDir), names(istioDir)
	for _, n := range union(meshFiles, istioFiles) {
		m, mok := read(meshDir, n)
		i, iok := read(istioDir, n)
		switch {
		case !mok:
			diffs = append(diffs, fmt.Sprintf("file: %s istio=written mesh=missing", n))
		case !iok:
			diffs = append(diffs, fmt.Sprintf("file: %s istio=missing mesh=written", n))
		case n == "README.md":
			if strings.ReplaceAll(i, "`istioctl manifest translate`", "`mesh manifest translate`") != m {
				diffs = append(diffs, "readme: "+firstDifference(i, m))
			}
		case strings.HasSuffix(n, ".sh"):
			// The objects handed over to Helm, one command per line; mesh lists them in its apply order, Helm's
			// renderer in template-file order, so the lines are compared as sets.
			for _, d := range lineSetDiff(i, m) {
				diffs = append(diffs, "script: "+n+": "+d)
			}
		case strings.HasPrefix(n, "diff-"):
			// Renders of the component with and without its k8s settings: their presence is what matters.
		default:
			if i != m {
				diffs = append(diffs, "values: "+n+": "+firstDifference(i, m))
			}
		}
	}
	return diffs
}

func names(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range append(append([]string{}, a...), b...) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func read(dir, name string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	return string(b), err == nil
}

// firstDifference names the first line on which the texts differ.
func firstDifference(istio, mesh string) string {
	il, ml := strings.Split(istio, "\n"), strings.Split(mesh, "\n")
	for k := 0; k < len(il) || k < len(ml); k++ {
		var a, b string
		if k < len(il) {
			a = il[k]
		}
		if k < len(ml) {
			b = ml[k]
		}
		if a != b {
			return fmt.Sprintf("line %d istio=%q mesh=%q", k+1, a, b)
		}
	}
	return "trailing newline"
}

// lineSetDiff lists the lines only one side has.
func lineSetDiff(istio, mesh string) []string {
	count := map[string]int{}
	for _, l := range strings.Split(istio, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(mesh, "\n") {
		count[l]--
	}
	var out []string
	for l, n := range count {
		if n > 0 {
			out = append(out, "istio only: "+l)
		} else if n < 0 {
			out = append(out, "mesh only: "+l)
		}
	}
	sort.Strings(out)
	return out
}
