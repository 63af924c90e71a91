/** A Running, Ready PodInfo for fake worlds. */
import type { PodInfo } from '../../src/core/model/pods.js';

/** A pod as `pods.list` would give it, Running and Ready. */
export function runningPod(name: string, namespace: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): PodInfo {
  return { name, namespace, labels, annotations, phase: 'Running', ready: true, creationTimestamp: '2026-12-01T00:00:00Z' };
}
