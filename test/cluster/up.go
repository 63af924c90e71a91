package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

const serviceIP = "10.96.0.1" // first address of --service-cluster-ip-range

// readyInfo is written to <dir>/ready.json once the cluster can run workloads.
type readyInfo struct {
	PID        int    `json:"pid"`
	Kubeconfig string `json:"kubeconfig"`
	Server     string `json:"server"`
	Nodes      int    `json:"nodes"`
}

func runUp(args []string) (err error) {
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	dir := fs.String("dir", "", "state folder for certificates, kubeconfig, logs and etcd data (required)")
	nodes := fs.Int("nodes", 1, "number of simulated kwok nodes")
	watchStdin := fs.Bool("exit-on-stdin-close", false, "stop when standard input closes (the parent died)")
	removeDir := fs.Bool("remove-dir", false, "remove --dir when stopping")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("--dir is required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	// Deferred first, so it runs after everything else has stopped. A failed start keeps the logs.
	defer func() {
		if *removeDir && (err == nil || ctx.Err() != nil) {
			os.RemoveAll(*dir)
		}
	}()
	if *watchStdin {
		go func() { _, _ = io.Copy(io.Discard, os.Stdin); stop() }()
	}
	started := time.Now()
	progress := func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "[kube-local %5.1fs] %s\n", time.Since(started).Seconds(), fmt.Sprintf(format, a...))
	}

	pkiDir, logDir := filepath.Join(*dir, "pki"), filepath.Join(*dir, "logs")
	for _, d := range []string{pkiDir, logDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	ports, err := freePorts(6)
	if err != nil {
		return err
	}
	etcdClient, etcdPeer, apiPort, kcmPort, schedPort, kwokPort := ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]
	server := fmt.Sprintf("https://127.0.0.1:%d", apiPort)

	p, err := newPKI(pkiDir)
	if err != nil {
		return err
	}
	for _, c := range []struct {
		name, cn string
		orgs     []string
		server   bool
	}{
		{"apiserver", "kube-apiserver", nil, true},
		{"kubelet", "kwok-kubelet", nil, true},
		{"admin", "kube-local-admin", []string{"system:masters"}, false},
		{"apiserver-kubelet-client", "kube-apiserver-kubelet-client", []string{"system:masters"}, false},
	} {
		if err := p.issue(c.name, c.cn, c.orgs, c.server); err != nil {
			return err
		}
	}
	if err := p.writeServiceAccountKey(); err != nil {
		return err
	}
	kubeconfig := filepath.Join(*dir, "kubeconfig")
	if err := p.writeKubeconfig(kubeconfig, server, "admin"); err != nil {
		return err
	}

	etcd, err := startEtcd(filepath.Join(*dir, "etcd"), filepath.Join(logDir, "etcd.log"), etcdClient, etcdPeer)
	if err != nil {
		return err
	}
	defer etcd.Close()
	progress("etcd ready on 127.0.0.1:%d", etcdClient)

	// Unix socket paths are limited to 108 bytes, so the socket sits in a short folder.
	sockDir, err := os.MkdirTemp("", "kl-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockDir)
	sock := filepath.Join(sockDir, "egress.sock")
	egress, err := startEgressProxy(sock, filepath.Join(*dir, "egress-routes.json"), progress)
	if err != nil {
		return err
	}
	defer egress.Close()
	egressConfig, err := writeEgressConfig(*dir, sock)
	if err != nil {
		return err
	}

	var children []*component
	defer func() { stopAll(children) }()
	spawn := func(name string, args ...string) error {
		c, err := startComponent(name, logDir, args)
		if err == nil {
			children = append(children, c)
		}
		return err
	}
	if err := spawn("apiserver",
		"--etcd-servers=http://127.0.0.1:"+strconv.Itoa(etcdClient),
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port="+strconv.Itoa(apiPort),
		"--tls-cert-file="+p.path("apiserver.crt"), "--tls-private-key-file="+p.path("apiserver.key"),
		"--client-ca-file="+p.path("ca.crt"),
		"--service-account-issuer=https://kubernetes.default.svc",
		"--service-account-key-file="+p.path("sa.pub"), "--service-account-signing-key-file="+p.path("sa.key"),
		"--service-cluster-ip-range=10.96.0.0/16",
		"--authorization-mode=Node,RBAC",
		"--kubelet-client-certificate="+p.path("apiserver-kubelet-client.crt"),
		"--kubelet-client-key="+p.path("apiserver-kubelet-client.key"),
		"--kubelet-preferred-address-types=InternalIP",
		// The kubernetes Service cannot point at a loopback address, so no endpoints are kept for it.
		"--endpoint-reconciler-type=none",
		"--egress-selector-config-file="+egressConfig,
		"--profiling=false",
	); err != nil {
		return err
	}

	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return err
	}
	client, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return err
	}
	if err := waitFor(ctx, children, 120*time.Second, func() (bool, error) {
		_, err := client.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		return err == nil, nil
	}); err != nil {
		return fmt.Errorf("kube-apiserver not ready (see %s): %w", filepath.Join(logDir, "apiserver.log"), err)
	}
	progress("kube-apiserver ready on %s", server)

	common := []string{
		"--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig, "--authorization-kubeconfig=" + kubeconfig,
		"--bind-address=127.0.0.1", "--leader-elect=false", "--profiling=false",
	}
	if err := spawn("controller-manager", append(common,
		"--secure-port="+strconv.Itoa(kcmPort),
		"--service-account-private-key-file="+p.path("sa.key"), "--root-ca-file="+p.path("ca.crt"),
		"--cluster-signing-cert-file="+p.path("ca.crt"), "--cluster-signing-key-file="+p.path("ca.key"),
		"--service-cluster-ip-range=10.96.0.0/16",
	)...); err != nil {
		return err
	}
	if err := spawn("scheduler", append(common, "--secure-port="+strconv.Itoa(schedPort))...); err != nil {
		return err
	}

	if err := installKwokCRDs(ctx, cfg); err != nil {
		return err
	}
	stages, err := writeKwokStages(*dir)
	if err != nil {
		return err
	}
	if err := spawn("kwok",
		"--config="+stages, "--kubeconfig="+kubeconfig,
		"--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
		"--node-ip=127.0.0.1", "--node-port="+strconv.Itoa(kwokPort),
		"--server-address=127.0.0.1:"+strconv.Itoa(kwokPort),
		"--tls-cert-file="+p.path("kubelet.crt"), "--tls-private-key-file="+p.path("kubelet.key"),
		"--enable-crds=PortForward,ClusterPortForward",
		"--node-lease-duration-seconds=40",
	); err != nil {
		return err
	}
	if err := createNodes(ctx, client, *nodes); err != nil {
		return err
	}

	if err := waitFor(ctx, children, 120*time.Second, func() (bool, error) {
		if _, err := client.CoreV1().ServiceAccounts("default").Get(ctx, "default", metav1.GetOptions{}); err != nil {
			return false, nil
		}
		list, err := client.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, nil
		}
		ready := 0
		for _, n := range list.Items {
			for _, c := range n.Status.Conditions {
				if c.Type == corev1.NodeReady && c.Status == corev1.ConditionTrue {
					ready++
				}
			}
		}
		return ready >= *nodes, nil
	}); err != nil {
		return fmt.Errorf("default service account or nodes not ready (see %s): %w", logDir, err)
	}

	info, _ := json.MarshalIndent(readyInfo{PID: os.Getpid(), Kubeconfig: kubeconfig, Server: server, Nodes: *nodes}, "", "  ")
	if err := os.WriteFile(filepath.Join(*dir, "ready.json"), info, 0o600); err != nil {
		return err
	}
	progress("cluster ready; kubeconfig %s", kubeconfig)
	fmt.Println(string(info))

	err = waitFor(ctx, children, 0, func() (bool, error) { return false, nil })
	if ctx.Err() != nil {
		return nil // asked to stop: a signal, or stdin closed
	}
	return err
}
