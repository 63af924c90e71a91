package verdict

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	istiolog "istio.io/istio/pkg/log"
)

// Case is one case an area's Node side prepared: its folder and what it recorded in case.json.
type Case[T any] struct {
	Dir  string
	Info T
}

// Cases reads the cases of an area from $MESH_ISTIO_<AREA>_DIR, where scripts/istio/<area>.mjs wrote one folder per
// case (mesh's output beside a case.json), in folder order. Run without the driver, the variable is unset: the test
// fails saying how to run it, rather than passing on no cases.
func Cases[T any](t *testing.T, area string) []Case[T] {
	t.Helper()
	env := "MESH_ISTIO_" + strings.ToUpper(area) + "_DIR"
	dir := os.Getenv(env)
	if dir == "" {
		t.Fatalf("%s is not set: run `npm run test:istio -- --area %s`, which prepares the cases and runs this test", env, area)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(dirs)
	cases := make([]Case[T], 0, len(dirs))
	for _, d := range dirs {
		c := Case[T]{Dir: d}
		b, err := os.ReadFile(filepath.Join(d, "case.json"))
		if err == nil {
			err = json.Unmarshal(b, &c.Info)
		}
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// QuietIstioLogs silences Istio's log scopes (the code under comparison logs as it runs; no verdict depends on it)
// unless MESH_ISTIO_LOG is set.
func QuietIstioLogs() {
	if os.Getenv("MESH_ISTIO_LOG") != "" {
		return
	}
	for _, scope := range istiolog.Scopes() {
		scope.SetOutputLevel(istiolog.NoneLevel)
	}
}
