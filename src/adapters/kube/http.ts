/**
 * Raw JSON requests to the API server, authenticated by client-node's KubeConfig. install needs exact JSON
 * in and out: client-node's typed serializer renames fields such as `x-kubernetes-preserve-unknown-fields`
 * and turns timestamps into Dates, which would corrupt CRDs on apply and show false drift in verify-install.
 * Also resolves kinds to resources (plural, namespaced) by API discovery, cached per group/version.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConnection } from './client.js';

/** An HTTP error from the API server, shaped like client-node's ApiException (`code`, `body`) for translateKubeError. */
export class ApiError extends Error {
  /** HTTP status. */
  readonly code: number;
  /** Response body (a Kubernetes Status, usually). */
  readonly body: unknown;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter?: number;
  constructor(code: number, body: unknown, retryAfter?: number) {
    super(`HTTP ${code}: ${(body as { message?: string } | undefined)?.message ?? ''}`);
    this.code = code;
    this.body = body;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }
}

/** How often and how long a throttled or briefly unavailable request is tried again (client-go retries up to 10). */
const RETRY = { attempts: 10, maxDelayMs: 10_000, totalMs: 60_000 };

/** One served resource from discovery. */
export interface ResourceInfo {
  /** Plural resource name, e.g. `deployments`. */
  plural: string;
  /** Whether objects live in namespaces. */
  namespaced: boolean;
}

/** Options of one request. */
export interface RequestOptions {
  /** Query parameters (undefined values are left out). */
  query?: Record<string, string | undefined>;
  /** JSON body. */
  body?: unknown;
  /** Content-Type of the body (default application/json). */
  contentType?: string;
  /** Return the body as text instead of parsing JSON (logs). */
  text?: boolean;
}

/** A small API client: `request` plus discovery. */
export class RawKube {
  private readonly discovery = new Map<string, Map<string, ResourceInfo> | null>();
  private base?: Promise<https.RequestOptions>;

  constructor(private readonly conn: KubeConnection) {}

  /**
   * Sends a request to `path` (e.g. `/api/v1/namespaces`); resolves with the parsed body; throws ApiError on >= 400.
   * A 429, or a 5xx carrying Retry-After (the API server answers so while its storage re-initializes, e.g. right
   * after CRDs are created), is tried again after the delay it asks for, as client-go does.
   */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.requestOnce(method, path, options);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const retryable = error.code === 429 || (error.code >= 500 && error.retryAfter !== undefined);
        const delay = Math.min(RETRY.maxDelayMs, Math.max(200, (error.retryAfter ?? 1) * 1000));
        if (!retryable || attempt >= RETRY.attempts || Date.now() - started + delay > RETRY.totalMs) throw error;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private async requestOnce(method: string, path: string, options: RequestOptions): Promise<unknown> {
    const base = await this.baseOptions();
    const url = new URL(this.conn.server.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { ...(base.headers as Record<string, string>), Accept: 'application/json' };
    if (payload) Object.assign(headers, { 'Content-Type': options.contentType ?? 'application/json', 'Content-Length': String(payload.length) });
    const isHttps = url.protocol === 'https:';
    const lib = isHttps ? https : http;
    const reqOptions: https.RequestOptions = {
      ...base,
      method,
      headers,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
    };
    if (!isHttps) delete reqOptions.agent;
    return new Promise((resolve, reject) => {
      const req = lib.request(reqOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const retryAfter = Number(res.headers['retry-after']);
          if (status >= 400)
            return reject(
              new ApiError(
                status,
                parseJson(text) ?? { message: text.slice(0, 200) },
                Number.isFinite(retryAfter) && res.headers['retry-after'] ? retryAfter : undefined,
              ),
            );
          resolve(options.text ? text : parseJson(text));
        });
      });
      req.on('error', reject);
      // A hung connection must not hang install: the readiness timeout bounds waits, this bounds one call.
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('request timed out after 60s'), { code: 'ETIMEDOUT' })));
      if (payload) req.write(payload);
      req.end();
    });
  }

  /**
   * A GET whose body is streamed (pod logs): resolves with the response once the status is known and is below 400
   * (else rejects with ApiError carrying the body). No retries: a log stream is read once.
   */
  async stream(path: string, query: Record<string, string | undefined> = {}): Promise<http.IncomingMessage> {
    const base = await this.baseOptions();
    const url = new URL(this.conn.server.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    const isHttps = url.protocol === 'https:';
    const reqOptions: https.RequestOptions = {
      ...base,
      method: 'GET',
      headers: { ...(base.headers as Record<string, string>), Accept: '*/*' },
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
    };
    if (!isHttps) delete reqOptions.agent;
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(reqOptions, (res) => {
        const status = res.statusCode ?? 0;
        if (status < 400) return resolve(res);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          reject(new ApiError(status, parseJson(text) ?? { message: text.slice(0, 200) }));
        });
      });
      req.on('error', reject);
      // Bounds the wait for the first byte only: a long log may take longer to arrive whole.
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('request timed out after 60s'), { code: 'ETIMEDOUT' })));
      req.end();
    });
  }

  /** The resource serving `kind` at `apiVersion`, or undefined when the cluster does not serve it (e.g. CRD missing). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let table = this.discovery.get(apiVersion);
    // A miss is looked up again: CRDs applied a moment ago add kinds to the cluster.
    if (!table || !table.has(kind)) {
      table = await this.discover(apiVersion);
      this.discovery.set(apiVersion, table);
    }
    return table?.get(kind);
  }

  /** The URL path of a collection, or of one object when `name` is given. */
  pathFor(apiVersion: string, info: ResourceInfo, namespace: string | undefined, name?: string): string {
    const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${prefix}${ns}/${info.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  private async discover(apiVersion: string): Promise<Map<string, ResourceInfo> | null> {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    try {
      const list = (await this.request('GET', path)) as { resources?: { name: string; kind: string; namespaced: boolean }[] };
      const table = new Map<string, ResourceInfo>();
      for (const r of list.resources ?? []) if (!r.name.includes('/')) table.set(r.kind, { plural: r.name, namespaced: r.namespaced });
      return table;
    } catch (error) {
      if ((error as ApiError).code === 404) return null;
      throw error;
    }
  }

  private baseOptions(): Promise<https.RequestOptions> {
    this.base ??= (async () => {
      const opts: https.RequestOptions = { headers: {} };
      await this.conn.config.applyToHTTPSOptions(opts);
      return opts;
    })();
    return this.base;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
