/**
 * Why is a pod not ready? Turns pod status, its events and the last log line of a crashing container into
 * one reason per pod: the message users need when `install` times out (istioctl only says "not ready").
 * Pure over plain data; the runner fetches the events and log lines this module asks for.
 */
import type { KubeObject } from '../yaml/load.js';
import type { KubeEvent } from './client.js';
import { conditionsOf, podIsReady } from './readiness.js';
import { obj as dict } from '../model/access.js';

/** Data fetched for one pod beyond its status. */
export interface PodExtras {
  /** Events about the pod (probe failures, scheduling, mounts). */
  events: readonly KubeEvent[];
  /** Last log line per container name, for the containers {@link logsToFetch} named. */
  logs: Readonly<Record<string, string | undefined>>;
}

/** A container whose last log line helps explain the failure. */
export interface LogRequest {
  /** Container name. */
  container: string;
  /** Read the previous (crashed) run rather than the current one. */
  previous: boolean;
}

interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number; message?: string }; running?: unknown };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}

function statuses(pod: KubeObject): ContainerStatus[] {
  const status = dict(pod.status);
  const list = (v: unknown): ContainerStatus[] => (Array.isArray(v) ? (v as ContainerStatus[]) : []);
  return [...list(status.initContainerStatuses), ...list(status.containerStatuses)];
}

const PULL_ERRORS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

/** The containers whose logs {@link diagnosePod} can use: crash-looping ones (previous run) and failed ones. */
export function logsToFetch(pod: KubeObject): LogRequest[] {
  const out: LogRequest[] = [];
  for (const cs of statuses(pod)) {
    if (cs.state?.waiting?.reason === 'CrashLoopBackOff') out.push({ container: cs.name, previous: true });
    else if (cs.state?.terminated && (cs.state.terminated.exitCode ?? 0) !== 0) out.push({ container: cs.name, previous: false });
  }
  return out;
}

/** One line on why `pod` is not ready, or undefined when it is ready. */
export function diagnosePod(pod: KubeObject, extras: PodExtras): string | undefined {
  if (podIsReady(pod)) return undefined;
  const status = dict(pod.status);
  if (dict(pod.metadata).deletionTimestamp) return 'terminating';
  const scheduled = conditionsOf(pod).find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') {
    const event = lastEvent(extras.events, 'FailedScheduling');
    const why = scheduled.message || event?.message || scheduled.reason || 'no node fits';
    return `Pending and unschedulable: ${oneLine(why)}`;
  }
  for (const cs of statuses(pod)) {
    const line = containerProblem(cs, extras);
    if (line) return line;
  }
  const probe = lastEvent(extras.events, 'Unhealthy');
  if (probe) return `failing probe: ${oneLine(probe.message)}`;
  const mount = lastEvent(extras.events, 'FailedMount') ?? lastEvent(extras.events, 'FailedCreatePodSandBox');
  if (mount) return `${mount.reason}: ${oneLine(mount.message)}`;
  const ready = conditionsOf(pod).find((c) => c.type === 'Ready');
  if (status.phase === 'Pending') return 'Pending: waiting to be scheduled or started';
  return `not ready${ready?.message ? `: ${oneLine(ready.message)}` : ''}`;
}

function containerProblem(cs: ContainerStatus, extras: PodExtras): string | undefined {
  const waiting = cs.state?.waiting;
  const reason = waiting?.reason;
  if (reason && PULL_ERRORS.has(reason)) {
    return `${reason}: cannot pull image ${cs.image ?? '(unknown)'} for container ${cs.name}${waiting?.message ? `: ${oneLine(waiting.message)}` : ''}`;
  }
  if (reason === 'CrashLoopBackOff') {
    const exit = cs.lastState?.terminated?.exitCode;
    const log = extras.logs[cs.name];
    const restarts = cs.restartCount ?? 0;
    return (
      `CrashLoopBackOff: container ${cs.name} restarted ${restarts} time${restarts === 1 ? '' : 's'}` +
      `${exit !== undefined ? `, last exit code ${exit}` : ''}${log ? `; last log line: ${oneLine(log)}` : ''}`
    );
  }
  if (reason === 'CreateContainerConfigError' || reason === 'CreateContainerError' || reason === 'RunContainerError') {
    return `${reason}: container ${cs.name}${waiting?.message ? `: ${oneLine(waiting.message)}` : ''}`;
  }
  const term = cs.state?.terminated;
  if (term && (term.exitCode ?? 0) !== 0) {
    const log = extras.logs[cs.name];
    return `container ${cs.name} exited with code ${term.exitCode}${term.reason ? ` (${term.reason})` : ''}${log ? `; last log line: ${oneLine(log)}` : ''}`;
  }
  return undefined;
}

function lastEvent(events: readonly KubeEvent[], reason: string): KubeEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.reason === reason) return events[i];
  return undefined;
}

/** Collapses whitespace and caps length, so one reason stays one line. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
