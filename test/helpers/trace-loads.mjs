// Preloaded with `node --import` by test/cli/startup.test.ts: records every module URL the process resolves
// into the file named by MESH_TRACE_LOADS, so tests can assert which modules a command path loads.
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const out = process.env.MESH_TRACE_LOADS;
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => appendFileSync(out, `${url}\n`));
port1.unref();
register(
  'data:text/javascript,' +
    encodeURIComponent(
      'let port; export function initialize(d) { port = d.port; }' +
        'export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }',
    ),
  { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] },
);
