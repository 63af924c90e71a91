// Runs Istio's pilot-discovery (built by test/cluster/pilot-discovery.mjs) as a local process on
// loopback ports, and tells when it is ready or why it is not: istiod's own failure (a mesh config
// it refuses, an injection template it cannot parse) is reported with istiod's log line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The loopback ports one istiod listens on. */
export interface IstiodPorts {
  /** --httpAddr: /ready, /debug on 8080 in the pod. */
  http: number;
  /** --httpsAddr: the webhooks (/inject, /validate) on 15017. */
  https: number;
  /** --grpcAddr: plain-text xDS on 15010. */
  grpc: number;
  /** --secureGRPCAddr: xDS and the CA over TLS on 15012. */
  secureGrpc: number;
  /** --monitoringAddr: metrics, /version and the debug endpoints on 15014. */
  monitoring: number;
  /** --ctrlz_port: ControlZ on 9876. */
  ctrlz: number;
}

/** A running pilot-discovery. */
export interface IstiodProcess {
  ports: IstiodPorts;
  /** Everything istiod printed so far. */
  log(): string;
  /**
   * Resolves once GET /ready answers 200; rejects with istiod's log line if it exits first, logs that it refused its
   * configuration (a mesh config it cannot read, which it replaces with its defaults), or does not get ready.
   */
  ready(timeoutMs: number): Promise<void>;
  /** Stops istiod (SIGTERM) and removes its working folder, keeping its log in `logFile` when asked to. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Picks free loopback ports for every listener istiod opens. */
export async function freeIstiodPorts(): Promise<IstiodPorts> {
  const [http, https, grpc, secureGrpc, monitoring, ctrlz] = (await Promise.all(Array.from({ length: 6 }, freePort))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { http, https, grpc, secureGrpc, monitoring, ctrlz };
}

/** The flags that move every istiod listener to its loopback port; given last, they win over the Deployment's own. */
export function listenerFlags(p: IstiodPorts): string[] {
  return [
    `--httpAddr=127.0.0.1:${p.http}`,
    `--httpsAddr=127.0.0.1:${p.https}`,
    `--grpcAddr=127.0.0.1:${p.grpc}`,
    `--secureGRPCAddr=127.0.0.1:${p.secureGrpc}`,
    `--monitoringAddr=127.0.0.1:${p.monitoring}`,
    `--ctrlz_address=127.0.0.1`,
    `--ctrlz_port=${p.ctrlz}`,
    // The pod's 10 s grace lets endpoints drain; nothing drains here, and every test file stops one.
    '--shutdownDuration=1s',
  ];
}

// What istiod logs when it refuses the configuration it was given and carries on with another (its defaults,
// or the last one it read): a suite must not run against a control plane that ignored what mesh rendered.
const REFUSED_CONFIG = [/invalid mesh config/, /invalid mesh networks/, /failed to (read|parse|load)\b.*\b(mesh|inject|template|values)/i];

/** istiod's first log line saying it refused its configuration, if any. */
export function refusedConfigLine(log: string): string | undefined {
  return log.split('\n').find((l) => REFUSED_CONFIG.some((re) => re.test(l)));
}

/** The line that says why istiod failed: its last error or fatal log line, else its last line. */
export function failureLine(log: string): string {
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  const errors = lines.filter((l) => /\t(error|fatal)\t/.test(l) || /^Error: /.test(l));
  return errors.at(-1) ?? lines.at(-1) ?? '(no output)';
}

// A shell in between stops istiod when this process goes away however it ends (its standard input,
// kept on fd 3, closes): a killed test worker leaves no istiod behind. `wait` passes istiod's exit status on.
const WATCHDOG = 'exec 3<&0; "$0" "$@" & pid=$!; { read -r _ <&3; kill $pid 2>/dev/null; } & wait $pid';

/**
 * Starts `bin args` with `env` in a fresh working folder. istiod resolves its default file paths
 * (./etc/istio/config/mesh, ./var/lib/istio/inject, ./var/run/secrets/istio-dns, ./etc/cacerts)
 * against it, as it does against / in its container: none exists, so it reads the mesh and
 * injector ConfigMaps from the cluster and writes its DNS certificates there.
 */
export function runIstiod(bin: string, args: string[], env: Record<string, string>, ports: IstiodPorts, logFile?: string): IstiodProcess {
  const cwd = mkdtempSync(join(tmpdir(), 'mesh-istiod-'));
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, bin, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let exited: string | undefined;
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      resolve();
    }),
  );
  return {
    ports,
    log: () => output,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (exited) throw new Error(`istiod stopped (${exited}): ${failureLine(output)}`);
        const ok = await fetch(`http://127.0.0.1:${ports.http}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.ok,
          () => false,
        );
        const refused = refusedConfigLine(output);
        if (refused) throw new Error(`istiod refused its configuration: ${refused}`);
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`istiod not ready after ${timeoutMs} ms: ${failureLine(output)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async stop() {
      child.stdin?.end();
      await Promise.race([done, new Promise((r) => setTimeout(r, 15_000))]);
      if (!exited) child.kill('SIGKILL');
      if (logFile) writeFileSync(logFile, output);
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
