import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';

// Argument errors are caught before any cluster is contacted: exit 64 and a one-line message.
describe('mesh tag: bad arguments', () => {
  it.each([
    [['tag', 'set', 'prod'], /required option '-r, --revision <revision>'/],
    [['tag', 'set', '-r', 'canary'], /missing required argument 'tag'/],
    [['tag', 'set', 'no/slash', '-r', 'canary'], /invalid tag "no\/slash"/],
    [['tag', 'generate', 'prod', '-r', 'canary', '-o', 'table'], /argument 'table' is invalid/],
    [['tag', 'list', '-o', 'xml'], /argument 'xml' is invalid/],
    [['tag', 'remove'], /missing required argument 'tag'/],
    [['tag', 'set', 'a', 'b', '-r', 'x'], /too many arguments/],
  ])('%j', async (argv, message) => {
    const res = await runCli(argv);
    expect(res.code).toBe(64);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(res.stdout).toBe('');
  });

  it('each subcommand has examples in --help', async () => {
    for (const sub of ['set', 'list', 'remove', 'generate']) {
      const res = await runCli(['tag', sub, '--help']);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Examples:\n\s+mesh tag|Examples:\n\s+#/);
    }
  });
});

describe('mesh tag over the fake context', () => {
  const webhook = (tag: string, revision: string) => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: `istio-revision-tag-${tag}`, labels: { 'istio.io/rev': revision, 'istio.io/tag': tag } },
    webhooks: [],
  });
  const namespace = (name: string, rev: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'istio.io/rev': rev } } });
  const objects = [webhook('prod-stable', '1-29-0'), webhook('prod-canary', '1-30-3'), namespace('shop', 'prod-stable'), namespace('cart', 'prod-stable')];

  it('tag list shows each tag, its revision and the namespaces using it', async () => {
    const r = await runWithWorld(['tag', 'list'], { objects });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    expect(rows).toEqual([
      ['TAG', 'REVISION', 'NAMESPACES'],
      ['prod-stable', '1-29-0', 'cart,shop'],
      ['prod-canary', '1-30-3'],
    ]);
  });

  it('tag list -o json, and a cluster without tags', async () => {
    const json = await runWithWorld(['tag', 'list', '-o', 'json'], { objects });
    expect(JSON.parse(json.stdout)).toEqual([
      { tag: 'prod-stable', revision: '1-29-0', namespaces: ['cart', 'shop'] },
      { tag: 'prod-canary', revision: '1-30-3', namespaces: [] },
    ]);
    const none = await runWithWorld(['tag', 'list']);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No Istio revision tags found.\n' });
  });

  it('tag remove refuses without a terminal while namespaces use the tag, and asks on one', async () => {
    const refused = await runWithWorld(['tag', 'remove', 'prod-stable'], { objects });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(
      /^error: tag "prod-stable" is still used by 2 namespace\(s\): cart, shop; removing it stops sidecar injection there\nhint: /,
    );
    expect(refused.ctx.installed.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
    const declined = await runWithWorld(['tag', 'remove', 'prod-stable'], { objects, stdinIsTTY: true, answers: [false] });
    expect(declined.ctx.asked).toEqual([
      'tag "prod-stable" is still used by 2 namespace(s): cart, shop; removing it stops sidecar injection there. Remove it?',
    ]);
    expect(declined.stderr).toBe('Cancelled: nothing was changed.\n');
    const removed = await runWithWorld(['tag', 'remove', 'prod-stable', '-y'], { objects });
    expect(removed.code).toBe(0);
    expect(removed.ctx.installed.calls).toContain('delete MutatingWebhookConfiguration istio-revision-tag-prod-stable');
  });
});
