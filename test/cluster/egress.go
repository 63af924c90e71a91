package main

import (
	"bufio"
	"encoding/json"
	"errors"
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
//
// routesFile (JSON, {"<ip>:<port>": "127.0.0.1:<port>"}, written by the tests, read on every
// connection) plays kube-proxy for the few Services whose backend runs as a local process: the
// integration tests point the istiod Service's ClusterIP at a pilot-discovery on loopback, so the
// API server calls Istio's webhooks through the Service the install configured, unchanged.
func startEgressProxy(sock, routesFile string, logf func(string, ...any)) (io.Closer, error) {
	l, err := net.Listen("unix", sock)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		dest, err := route(routesFile, r.Host)
		if err != nil {
			logf("egress to %s refused: %v", r.Host, err)
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		host, _, err := net.SplitHostPort(dest)
		ip := net.ParseIP(host)
		if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			logf("egress to %s refused: kube-local allows loopback destinations only", dest)
			http.Error(w, "kube-local allows loopback destinations only", http.StatusForbidden)
			return
		}
		upstream, err := net.DialTimeout("tcp", dest, 5*time.Second)
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

// route returns where a connection to dest goes: the routes file's entry for it, or dest itself.
func route(routesFile, dest string) (string, error) {
	raw, err := os.ReadFile(routesFile)
	if errors.Is(err, os.ErrNotExist) {
		return dest, nil
	} else if err != nil {
		return "", err
	}
	var routes map[string]string
	if err := json.Unmarshal(raw, &routes); err != nil {
		return "", fmt.Errorf("%s: %w", routesFile, err)
	}
	if to, ok := routes[dest]; ok {
		return to, nil
	}
	return dest, nil
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
