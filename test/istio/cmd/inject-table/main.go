// Command inject-table prints, as JSON, the cases of Istio's TestInjection table (pkg/kube/inject/inject_test.go in
// the Istio module, given as the argument): each case's input file, golden name, `setFlags`, IstioOperator settings
// file (`inFilePath`) and whether it needs what only Go code can set up (a `mesh` or `setup` function, an expected
// error or log, a skipped injection). It reads the source with go/parser, so the table is never copied: the inject
// area of `npm run test:istio` renders each case's control plane with these settings.
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

// tableCase is one element of the table, as far as it is data.
type tableCase struct {
	In         string   `json:"in"`
	Want       string   `json:"want"`
	SetFlags   []string `json:"setFlags,omitempty"`
	InFilePath string   `json:"inFilePath,omitempty"`
	// GoOnly names the fields whose effect is Go code or test expectations (mesh, setup, skipInjection, ...).
	GoOnly []string `json:"goOnly,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: inject-table <path to pkg/kube/inject/inject_test.go>")
		os.Exit(64)
	}
	file, err := parser.ParseFile(token.NewFileSet(), os.Args[1], nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(65)
	}
	var cases []tableCase
	ast.Inspect(file, func(n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "TestInjection" {
			return true
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok {
				if c, ok := parseCase(lit); ok {
					cases = append(cases, c)
					return false
				}
			}
			return true
		})
		return false
	})
	if len(cases) == 0 {
		fmt.Fprintln(os.Stderr, "found no TestInjection case")
		os.Exit(65)
	}
	out, _ := json.MarshalIndent(cases, "", "  ")
	fmt.Println(string(out))
}

// parseCase reads a `{in: ..., want: ..., ...}` literal; false for any other composite literal.
func parseCase(lit *ast.CompositeLit) (tableCase, bool) {
	var c tableCase
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return c, false
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return c, false
		}
		switch key.Name {
		case "in":
			c.In = stringLit(kv.Value)
		case "want":
			c.Want = stringLit(kv.Value)
		case "inFilePath":
			c.InFilePath = stringLit(kv.Value)
		case "setFlags":
			list, ok := kv.Value.(*ast.CompositeLit)
			if !ok {
				c.GoOnly = append(c.GoOnly, key.Name)
				continue
			}
			for _, e := range list.Elts {
				c.SetFlags = append(c.SetFlags, stringLit(e))
			}
		default:
			c.GoOnly = append(c.GoOnly, key.Name)
		}
	}
	return c, c.In != "" && c.Want != ""
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
