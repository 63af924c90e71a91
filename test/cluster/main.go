// Command kube-local runs a loopback-only Kubernetes control plane for mesh's integration tests.
//
// It is one multi-call binary. "up" is the orchestrator: it generates certificates, runs an
// embedded etcd in its own process, and starts the other components as child processes of the
// same binary ("apiserver", "controller-manager", "scheduler", "kwok"). The components run in
// separate processes because each of them owns process-wide state: kube-apiserver and
// kube-scheduler both install the one-per-process signal handler, and kwok reads its
// configuration straight from os.Args.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"
)

const usage = `usage: kube-local <command> [flags]

commands:
  up                  run a whole control plane (etcd, kube-apiserver, kube-controller-manager,
                      kube-scheduler, kwok) on 127.0.0.1; see "kube-local up -h"
  apiserver           run kube-apiserver with the given flags
  controller-manager  run kube-controller-manager with the given flags
  scheduler           run kube-scheduler with the given flags
  kwok                run the kwok controller with the given flags
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	args := os.Args[2:]
	var err error
	switch os.Args[1] {
	case "up":
		err = runUp(args)
	case "apiserver":
		err = runCobra(apiserver.NewAPIServerCommand(), args)
	case "controller-manager":
		err = runCobra(controllermanager.NewControllerManagerCommand(), args)
	case "scheduler":
		err = runCobra(scheduler.NewSchedulerCommand(), args)
	case "kwok":
		err = runKwok(args)
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "kube-local %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func runCobra(cmd *cobra.Command, args []string) error {
	cmd.SetArgs(args)
	return cmd.Execute()
}
