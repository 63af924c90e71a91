// Command analyze-table prints, as JSON, the inputs of Istio's analyzer test table (the testGrid of
// pkg/config/analysis/analyzers/analyzers_test.go in the Istio module, given as the argument): each case's name,
// input files, mesh config file and mesh networks file. It reads the source with go/parser, so the table is never
// copied: the analyze area of `npm run test:istio` runs Istio's analyzers and `mesh analyze` on each case's files.
// The expected messages and the analyzer each case tests are not read: the area runs every analyzer on both sides.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

// tableCase is one element of testGrid, as far as the inputs go.
type tableCase struct {
	Name             string   `json:"name"`
	InputFiles       []string `json:"inputFiles"`
	MeshConfigFile   string   `json:"meshConfigFile,omitempty"`
	MeshNetworksFile string   `json:"meshNetworksFile,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: analyze-table <path to pkg/config/analysis/analyzers/analyzers_test.go>")
		os.Exit(64)
	}
	file, err := parser.ParseFile(token.NewFileSet(), os.Args[1], nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(65)
	}
	var cases []tableCase
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "testGrid" || len(spec.Values) != 1 {
			return true
		}
		grid, ok := spec.Values[0].(*ast.CompositeLit)
		if !ok {
			return false
		}
		for _, elt := range grid.Elts {
			if lit, ok := elt.(*ast.CompositeLit); ok {
				if c, ok := parseCase(lit); ok {
					cases = append(cases, c)
				}
			}
		}
		return false
	})
	if len(cases) == 0 {
		fmt.Fprintln(os.Stderr, "found no testGrid case")
		os.Exit(65)
	}
	out, _ := json.MarshalIndent(cases, "", "  ")
	fmt.Println(string(out))
}

// parseCase reads a `{name: ..., inputFiles: []string{...}, ...}` literal.
func parseCase(lit *ast.CompositeLit) (tableCase, bool) {
	var c tableCase
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch key.Name {
		case "name":
			c.Name = stringLit(kv.Value)
		case "meshConfigFile":
			c.MeshConfigFile = stringLit(kv.Value)
		case "meshNetworksFile":
			c.MeshNetworksFile = stringLit(kv.Value)
		case "inputFiles":
			if list, ok := kv.Value.(*ast.CompositeLit); ok {
				for _, e := range list.Elts {
					c.InputFiles = append(c.InputFiles, stringLit(e))
				}
			}
		}
	}
	return c, c.Name != "" && len(c.InputFiles) > 0
}

// stringLit is the value of a Go string literal ("" for anything else).
func stringLit(e ast.Expr) string {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
		if s, err := strconv.Unquote(b.Value); err == nil {
			return s
		}
	}
	return ""
}
