// Package validatetest is the validate area of the Istio oracle suite: for every Istio document of the corpora
// scripts/istio/validate.mjs prepares (MESH_ISTIO_VALIDATE_DIR), Istio decides as the API server and its webhook would
// (the CRDs' structural schemas with their CEL rules, then the webhook's ValidateConfig of the kind's schema), and
// `mesh validate -o json` must reach the same verdict: valid or invalid. Warnings do not count.
package validatetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/yaml"

	"istio.io/istio/pilot/pkg/config/kube/crd"
	crdvalidation "istio.io/istio/pkg/config/crd"
	"istio.io/istio/pkg/config/schema/collections"
	"istio.io/istio/pkg/config/schema/resource"
	istiolog "istio.io/istio/pkg/log"

	"mesh.local/istio/internal/verdict"
)

// meshResult is what the Node side recorded for one document (case.json).
type meshResult struct {
	// Name is the case's name: <corpus>/<file>#<index of the document in the file>.
	Name string `json:"name"`
	// Valid is mesh's verdict: no diagnostic of severity error for this document.
	Valid bool `json:"valid"`
	// Errors are mesh's error diagnostics, `path: message (rule)`.
	Errors []string `json:"errors"`
}

func TestValidate(t *testing.T) {
	dir, istioDir := os.Getenv("MESH_ISTIO_VALIDATE_DIR"), os.Getenv("ISTIO_MODULE_DIR")
	if dir == "" || istioDir == "" {
		t.Fatal("MESH_ISTIO_VALIDATE_DIR/ISTIO_MODULE_DIR are not set: run `npm run test:istio -- --area validate`, which prepares the documents and runs this test")
	}
	// The CRDs Istio 1.30 installs (manifests/charts/base): their schemas and CEL rules, as the API server applies them.
	crds, err := crdvalidation.NewValidatorFromFiles(filepath.Join(istioDir, "manifests/charts/base/files/crd-all.gen.yaml"))
	if err != nil {
		t.Fatalf("Istio's CRDs: %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if e.IsDir() {
			cases = append(cases, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(cases)
	// Istio's validation logs deprecation warnings the verdicts do not depend on: quiet unless MESH_ISTIO_LOG is set.
	if os.Getenv("MESH_ISTIO_LOG") == "" {
		for _, scope := range istiolog.Scopes() {
			scope.SetOutputLevel(istiolog.NoneLevel)
		}
	}
	suite := verdict.Open(t, "validate", "allowlist.yaml")
	defer suite.Close(t)
	for _, c := range cases {
		var mesh meshResult
		b, err := os.ReadFile(filepath.Join(c, "case.json"))
		if err == nil {
			err = json.Unmarshal(b, &mesh)
		}
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		suite.Run(t, mesh.Name, func(t *testing.T) []string {
			doc, err := os.ReadFile(filepath.Join(c, "doc.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			istio := istioErrors(crds, doc)
			switch {
			case len(istio) == 0 && !mesh.Valid:
				return []string{"verdict: istio=valid mesh=invalid: " + strings.Join(mesh.Errors, "; ")}
			case len(istio) > 0 && mesh.Valid:
				return []string{"verdict: istio=invalid mesh=valid: " + strings.Join(istio, "; ")}
			}
			return nil
		})
	}
}

// istioErrors returns why Istio refuses the document, as the API server would: its object-meta checks of a custom
// resource (name a DNS subdomain, labels, annotations), the CRD (structural schema, unknown fields, CEL rules), then
// the validating webhook (the kind's ValidateConfig on the converted object, as istiod's webhook runs it). None
// means Istio accepts it.
func istioErrors(crds *crdvalidation.Validator, doc []byte) []string {
	us := &unstructured.Unstructured{}
	// Through Unstructured's own decoding, so integers stay integers as the API server reads them.
	if err := yaml.Unmarshal(doc, us); err != nil {
		return []string{"yaml: " + err.Error()}
	}
	gvk := us.GroupVersionKind()
	schema, ok := collections.All.FindByGroupVersionAliasesKind(resource.FromKubernetesGVK(&gvk))
	if !ok {
		return []string{fmt.Sprintf("the API server serves no %v", gvk)}
	}
	var errs []string
	meta := us.DeepCopy()
	if meta.GetNamespace() == "" {
		meta.SetNamespace("default") // the API server takes it from the request
	}
	if list := apivalidation.ValidateObjectMetaAccessor(meta, true, apivalidation.NameIsDNSSubdomain, field.NewPath("metadata")); len(list) > 0 {
		errs = append(errs, "api-server: "+list.ToAggregate().Error())
	}
	if err := crds.ValidateCustomResource(us); err != nil {
		errs = append(errs, "crd: "+err.Error())
	}
	var obj crd.IstioKind
	if err := yaml.UnmarshalStrict(doc, &obj); err != nil {
		return append(errs, "webhook: decode: "+err.Error())
	}
	out, err := crd.ConvertObject(schema, &obj, "cluster.local")
	if err != nil {
		return append(errs, "webhook: convert: "+err.Error())
	}
	if _, err := schema.ValidateConfig(*out); err != nil {
		errs = append(errs, "webhook: "+err.Error())
	}
	return errs
}
