import { describe, expect, it } from 'vitest';
import { collect, type CollectTask } from '../../../src/app/bug-report/collect.js';
import type { ArchiveWriter } from '../../../src/app/bug-report/archive.js';

function memoryArchive(): ArchiveWriter & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    get entries() {
      return files.size;
    },
    get bytes() {
      return 0;
    },
    add: async (name, data) => void files.set(name, typeof data === 'string' ? data : Buffer.from(data).toString()),
    close: async () => {},
  };
}

const clockAt = (t: { now: number }) => ({ now: () => t.now, sleep: async () => {} });
const options = (t: { now: number }, extra = {}) => ({
  concurrency: 2,
  deadline: 100,
  maxEntryBytes: 1024,
  clock: clockAt(t),
  status: { update() {}, stop() {} },
  interrupted: new Promise<string>(() => {}),
  bar: (d: number, n: number) => `${d}/${n}`,
  ...extra,
});

describe('bug-report collection', () => {
  it('writes what it got, redacted, and lists failures with their one-line reason', async () => {
    const archive = memoryArchive();
    const tasks: CollectTask[] = [
      { path: 'a.log', fetch: async () => 'token: abc\nline' },
      { path: 'b.log', fetch: async () => Promise.reject(new Error('HTTP 502: no kubelet\nmore')) },
    ];
    const out = await collect(tasks, archive, options({ now: 0 }));
    expect(archive.files.get('a.log')).toBe('token: <redacted>\nline');
    expect(out).toMatchObject({ collected: 1, redactions: 1, leftOut: [{ what: 'b.log', reason: 'HTTP 502: no kubelet' }], timedOut: false });
  });

  it('starts nothing after the deadline and says so', async () => {
    const t = { now: 0 };
    const tasks: CollectTask[] = Array.from({ length: 6 }, (_, i) => ({
      path: `${i}.log`,
      fetch: async () => {
        t.now += 60; // each task takes 60 of the 100 the deadline allows
        return 'x';
      },
    }));
    const out = await collect(tasks, memoryArchive(), options(t, { concurrency: 1 }));
    expect(out.collected).toBe(2);
    expect(out.timedOut).toBe(true);
    expect(out.leftOut.map((l) => l.reason)).toEqual(Array(4).fill('not started: --timeout reached'));
  });

  it('cuts a stream at the size limit and reports it', async () => {
    const archive = memoryArchive();
    const big: CollectTask = {
      path: 'big.log',
      fetch: async () =>
        (async function* () {
          for (let i = 0; i < 10; i++) yield Buffer.alloc(300, 'a');
        })(),
    };
    const out = await collect([big], archive, options({ now: 0 }));
    expect(archive.files.get('big.log')).toHaveLength(1024);
    expect(out.truncated).toEqual(['big.log']);
  });

  it('stops waiting for running tasks when interrupted, and starts no more', async () => {
    let release!: () => void;
    const hang = new Promise<string>((resolve) => (release = () => resolve('late')));
    const tasks: CollectTask[] = [
      { path: 'slow.log', fetch: () => hang },
      ...Array.from({ length: 3 }, (_, i) => ({ path: `${i}.log`, fetch: async () => 'x' })),
    ];
    let interrupt!: (s: string) => void;
    const interrupted = new Promise<string>((resolve) => (interrupt = resolve));
    const running = collect(tasks, memoryArchive(), options({ now: 0 }, { concurrency: 1, interrupted }));
    interrupt('SIGTERM');
    const out = await running;
    release();
    expect(out.interrupted).toBe('SIGTERM');
    expect(out.leftOut[0]).toEqual({ what: 'slow.log', reason: 'not finished when interrupted (SIGTERM)' });
    expect(out.leftOut.slice(1).every((l) => l.reason === 'not started: interrupted (SIGTERM)')).toBe(true);
  });
});
