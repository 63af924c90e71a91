// Runs in each test worker before its test files: exposes the worker's cluster to the tests and
// to anything they spawn, as MESH_TEST_KUBECONFIG and KUBECONFIG.
import { kubeconfigPath } from './helpers/kube.js';

process.env.MESH_TEST_KUBECONFIG = kubeconfigPath();
process.env.KUBECONFIG = process.env.MESH_TEST_KUBECONFIG;
