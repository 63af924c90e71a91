package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"
	corev1 "k8s.io/api/core/v1"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	apiextensions "k8s.io/apiextensions-apiserver/pkg/client/clientset/clientset"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/util/retry"
	"sigs.k8s.io/kwok/kustomize/crd"
	nodefast "sigs.k8s.io/kwok/kustomize/stage/node/fast"
	nodeheartbeat "sigs.k8s.io/kwok/kustomize/stage/node/heartbeat-with-lease"
	podfast "sigs.k8s.io/kwok/kustomize/stage/pod/fast"
	"sigs.k8s.io/kwok/pkg/config"
	kwokcmd "sigs.k8s.io/kwok/pkg/kwok/cmd"
	"sigs.k8s.io/kwok/pkg/log"
	"sigs.k8s.io/kwok/pkg/utils/signals"
	"sigs.k8s.io/yaml"
)

// runKwok runs kwok's own command. kwok's config loader parses --config from os.Args itself.
func runKwok(args []string) error {
	flags := pflag.NewFlagSet("global", pflag.ContinueOnError)
	flags.ParseErrorsAllowlist.UnknownFlags = true
	flags.Usage = func() {}
	ctx := signals.SetupSignalContext()
	ctx, _ = log.InitFlags(ctx, flags)
	ctx, err := config.InitFlags(ctx, flags)
	if err != nil {
		return err
	}
	cmd := kwokcmd.NewCommand(ctx)
	// Kubernetes' packages register a global non-bool --version flag, which clashes with the
	// bool one cobra adds for commands that have a Version.
	cmd.Version = ""
	cmd.PersistentFlags().AddFlagSet(flags)
	cmd.SetArgs(args)
	return cmd.ExecuteContext(ctx)
}

// writeKwokStages writes the stages that make nodes Ready (with leases) and pods Ready at once.
func writeKwokStages(dir string) (string, error) {
	stages := []string{
		nodefast.DefaultNodeInit, nodeheartbeat.DefaultNodeHeartbeatWithLease,
		podfast.DefaultPodReady, podfast.DefaultPodComplete, podfast.DefaultPodDelete,
	}
	path := filepath.Join(dir, "kwok.yaml")
	return path, os.WriteFile(path, []byte(strings.Join(stages, "\n---\n")), 0o600)
}

// installKwokCRDs installs the CRDs through which tests configure kwok's port-forwards.
func installKwokCRDs(ctx context.Context, cfg *rest.Config) error {
	client, err := apiextensions.NewForConfig(cfg)
	if err != nil {
		return err
	}
	for _, raw := range [][]byte{crd.PortForward, crd.ClusterPortForward} {
		var def apiextensionsv1.CustomResourceDefinition
		if err := yaml.Unmarshal(raw, &def); err != nil {
			return err
		}
		if _, err := client.ApiextensionsV1().CustomResourceDefinitions().Create(ctx, &def, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return err
		}
		err := poll(ctx, 60*time.Second, func() (bool, error) {
			got, err := client.ApiextensionsV1().CustomResourceDefinitions().Get(ctx, def.Name, metav1.GetOptions{})
			if err != nil {
				return false, nil
			}
			for _, c := range got.Status.Conditions {
				if c.Type == apiextensionsv1.Established && c.Status == apiextensionsv1.ConditionTrue {
					return true, nil
				}
			}
			return false, nil
		})
		if err != nil {
			return fmt.Errorf("CRD %s not established: %w", def.Name, err)
		}
	}
	return nil
}

// createNodes registers n nodes that kwok manages (it selects them by annotation). Each reports the
// API server's version as its kubelet's, as the kubelets of a real cluster of that release do; kwok's
// own placeholder ("kwok-0.8.0") is no version, and Istio's injector, which turns native sidecars on
// for kubelets 1.33 or newer, would read it as an old node.
func createNodes(ctx context.Context, client kubernetes.Interface, n int) error {
	server, err := client.Discovery().ServerVersion()
	if err != nil {
		return err
	}
	for i := range n {
		name := fmt.Sprintf("kwok-node-%d", i)
		node := &corev1.Node{ObjectMeta: metav1.ObjectMeta{
			Name:        name,
			Annotations: map[string]string{"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"},
			Labels: map[string]string{
				"kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "type": "kwok",
			},
		}}
		if _, err := client.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return err
		}
		// kwok's node-initialize stage keeps a kubeletVersion the status already has, and runs once: whichever
		// writes first, this value stays. A conflict with kwok's own status write is retried.
		err := retry.RetryOnConflict(retry.DefaultRetry, func() error {
			got, err := client.CoreV1().Nodes().Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				return err
			}
			got.Status.NodeInfo.KubeletVersion = server.GitVersion
			_, err = client.CoreV1().Nodes().UpdateStatus(ctx, got, metav1.UpdateOptions{})
			return err
		})
		if err != nil {
			return fmt.Errorf("node %s: setting its kubelet version: %w", name, err)
		}
	}
	return nil
}
