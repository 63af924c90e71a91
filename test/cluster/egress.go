package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// startEgressProxy serves HTTP CONNECT on a unix socket for the API server's "cluster" egress:
// its connections to webhooks, kubelets (kwok) and pod or service proxies. Only loopback
// destinations are allowed, so a Service's ClusterIP or a simulated pod's IP is never dialled:
// such a connection fails at once, as an unreachable webhook would.
func startEgressProxy(sock string, logf func(string, ...any)) (io.Closer, error) {
	l, err := net.Listen("unix", sock)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		host, _, err := net.SplitHostPort(r.Host)
		ip := net.ParseIP(host)
		if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			logf("egress to %s refused: kube-local allows loopback destinations only", r.Host)
			http.Error(w, "kube-local allows loopback destinations only", http.StatusForbidden)
			return
		}
		upstream, err := net.DialTimeout("tcp", r.Host, 5*time.Second)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			upstream.Close()
			return
		}
		_, _ = conn.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))
		go pipe(upstream, conn, buf.Reader)
	})}
	go func() { _ = srv.Serve(l) }()
	return srv, nil
}

func pipe(upstream, conn net.Conn, buffered *bufio.Reader) {
	defer upstream.Close()
	defer conn.Close()
	go func() { _, _ = io.Copy(upstream, buffered); upstream.(*net.TCPConn).CloseWrite() }()
	_, _ = io.Copy(conn, upstream)
}

// writeEgressConfig routes the API server's "cluster" traffic through the proxy on sock.
func writeEgressConfig(dir, sock string) (string, error) {
	path := filepath.Join(dir, "egress.yaml")
	cfg := fmt.Sprintf(`apiVersion: apiserver.k8s.io/v1beta1
kind: EgressSelectorConfiguration
egressSelections:
- name: cluster
  connection:
    proxyProtocol: HTTPConnect
    transport:
      uds:
        udsName: %s
`, sock)
	return path, os.WriteFile(path, []byte(cfg), 0o600)
}
