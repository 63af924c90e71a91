package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// component is a child process: this same binary run with a component subcommand.
type component struct {
	name string
	cmd  *exec.Cmd
	done chan error
}

func startComponent(name, logDir string, args []string) (*component, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(logDir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, append([]string{name}, args...)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// If this process dies without cleaning up, the kernel kills the child too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	c := &component{name: name, cmd: cmd, done: make(chan error, 1)}
	go func() { c.done <- cmd.Wait(); logFile.Close() }()
	return c, nil
}

// stopAll stops the components in reverse start order: SIGTERM, then SIGKILL after 10 seconds.
func stopAll(children []*component) {
	for i := len(children) - 1; i >= 0; i-- {
		c := children[i]
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	}
}

// waitFor polls check every 250ms until it is true, the context ends, a component exits,
// or the timeout (0: none) passes.
func waitFor(ctx context.Context, children []*component, timeout time.Duration, check func() (bool, error)) error {
	var deadline <-chan time.Time
	if timeout > 0 {
		deadline = time.After(timeout)
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		if ok, err := check(); ok || err != nil {
			return err
		}
		for _, c := range children {
			select {
			case err := <-c.done:
				c.done <- err // keep it for stopAll
				return fmt.Errorf("%s exited: %v", c.name, err)
			default:
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-deadline:
			return fmt.Errorf("timed out after %s", timeout)
		case <-tick.C:
		}
	}
}

// poll is waitFor without component supervision.
func poll(ctx context.Context, timeout time.Duration, check func() (bool, error)) error {
	return waitFor(ctx, nil, timeout, check)
}

// freePorts asks the kernel for n distinct free ports on 127.0.0.1.
func freePorts(n int) ([]int, error) {
	var ports []int
	var listeners []net.Listener
	defer func() {
		for _, l := range listeners {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		listeners = append(listeners, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
