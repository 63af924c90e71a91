// Package remotesecrettest is the remotesecret area of the Istio oracle suite: for every case that
// scripts/istio/remotesecret.mjs prepares (MESH_ISTIO_REMOTESECRET_DIR), istioctl's own multicluster package builds
// the remote Secret (multicluster.CreateRemoteSecret, over a fake Kubernetes client holding the case's kube-system
// namespace, ServiceAccount and token Secret) from the inputs `mesh create-remote-secret` got from an API server
// serving the same objects, and the two printed Secrets must be byte for byte the same.
package remotesecrettest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"

	"istio.io/istio/istioctl/pkg/cli"
	"istio.io/istio/istioctl/pkg/multicluster"

	"mesh.local/istio/internal/verdict"
)

// input is one case as the Node side wrote it (case.json): the cluster's objects and the flags both sides got.
type input struct {
	Name           string            `json:"name"`
	Namespace      string            `json:"namespace"`
	KubeSystemUID  string            `json:"kubeSystemUID"`
	ServiceAccount string            `json:"serviceAccount"`
	TokenSecret    string            `json:"tokenSecret"`
	CA             string            `json:"ca"`
	Token          string            `json:"token"`
	ClusterName    string            `json:"clusterName"`
	Type           string            `json:"type"`
	Server         string            `json:"server"`
	TLSServerName  string            `json:"tlsServerName"`
	SecretName     string            `json:"secretName"`
	AuthType       string            `json:"authType"`
	PluginName     string            `json:"pluginName"`
	PluginConfig   map[string]string `json:"pluginConfig"`
}

func TestRemoteSecret(t *testing.T) {
	suite := verdict.Open(t, "remotesecret", "allowlist.yaml")
	defer suite.Close(t)
	for _, k := range verdict.Cases[input](t, "remotesecret") {
		c, in := k.Dir, k.Info
		suite.Run(t, in.Name, func(t *testing.T) []string {
			mesh, err := os.ReadFile(filepath.Join(c, "mesh.out"))
			if err != nil {
				t.Fatal(err)
			}
			istio, err := istioctlSecret(in)
			if err != nil {
				t.Fatalf("istioctl: %v", err)
			}
			return diffLines(istio, string(mesh))
		})
	}
}

// istioctlSecret runs istioctl's builder on the case's objects and flags, as `istioctl create-remote-secret` would.
func istioctlSecret(in input) (string, error) {
	objects := []runtime.Object{
		&v1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "kube-system", UID: types.UID(in.KubeSystemUID)}},
		&v1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: in.ServiceAccount, Namespace: in.Namespace}},
		&v1.Secret{
			ObjectMeta: metav1.ObjectMeta{
				Name: in.TokenSecret, Namespace: in.Namespace,
				Annotations: map[string]string{v1.ServiceAccountNameKey: in.ServiceAccount},
			},
			Type: v1.SecretTypeServiceAccountToken,
			Data: map[string][]byte{v1.ServiceAccountRootCAKey: []byte(in.CA), v1.ServiceAccountTokenKey: []byte(in.Token)},
		},
	}
	ctx := cli.NewFakeContext(&cli.NewFakeContextOption{IstioNamespace: "istio-system", Namespace: in.Namespace, Objects: objects})
	client, err := ctx.CLIClient()
	if err != nil {
		return "", err
	}
	config := in.PluginConfig
	if config == nil {
		config = map[string]string{}
	}
	out, _, err := multicluster.CreateRemoteSecret(client, multicluster.RemoteSecretOptions{
		KubeOptions:        multicluster.KubeOptions{Namespace: in.Namespace},
		ClusterName:        in.ClusterName,
		ServiceAccountName: in.ServiceAccount,
		AuthType:           multicluster.RemoteSecretAuthType(in.AuthType),
		AuthPluginName:     in.PluginName,
		AuthPluginConfig:   config,
		Type:               multicluster.SecretType(in.Type),
		ServerOverride:     in.Server,
		TLSServerName:      in.TLSServerName,
		SecretName:         in.SecretName,
	})
	return out, err
}

// diffLines names the first line where the two outputs part, with both lines; none when they are identical.
func diffLines(istio, mesh string) []string {
	if istio == mesh {
		return nil
	}
	a, b := strings.Split(istio, "\n"), strings.Split(mesh, "\n")
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return []string{"line " + itoa(i+1) + ": istio=" + quote(x) + " mesh=" + quote(y)}
		}
	}
	return []string{"outputs differ"}
}

func itoa(i int) string     { b, _ := json.Marshal(i); return string(b) }
func quote(s string) string { b, _ := json.Marshal(s); return string(b) }
