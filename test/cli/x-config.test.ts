import { describe, expect, it } from 'vitest';
import { runWithWorld, SETTINGS_PATH } from '../helpers/fake-context.js';

describe('mesh x config', () => {
  it('lists every setting with where it came from, as istioctl does', async () => {
    const r = await runWithWorld(['x', 'config', 'list'], { settings: 'istioNamespace: mesh-system\n', env: { MESH_CONTEXT: 'prod' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'FLAG               VALUE           FROM',
        'context            prod            $MESH_CONTEXT',
        `istioNamespace     mesh-system     ${SETTINGS_PATH}`,
        'kubeconfig                         default',
        'namespace                          default',
        '',
      ].join('\n'),
    );
    const json = await runWithWorld(['exp', 'config', 'list', '-o', 'json'], {});
    expect(JSON.parse(json.stdout)[1]).toEqual({ flag: 'istioNamespace', value: 'istio-system', from: 'default' });
  });

  it('gives the global flags their defaults: the variable over the file, the flag over both', async () => {
    const world = { settings: 'istioNamespace: from-file\nnamespace: shop\n' };
    const seen = async (argv: string[], env: Record<string, string> = {}) =>
      (await runWithWorld([...argv, 'x', 'config', 'list'], { ...world, env })).ctx.globals;
    expect(await seen([])).toMatchObject({ istioNamespace: 'from-file', namespace: 'shop' });
    expect(await seen([], { MESH_ISTIONAMESPACE: 'from-env' })).toMatchObject({ istioNamespace: 'from-env' });
    expect(await seen(['-i', 'from-flag'], { MESH_ISTIONAMESPACE: 'from-env' })).toMatchObject({ istioNamespace: 'from-flag' });
    expect((await runWithWorld(['x', 'config', 'list'], {})).ctx.globals.istioNamespace).toBe('istio-system');
  });

  it('gets one value', async () => {
    const r = await runWithWorld(['x', 'config', 'get', 'istioNamespace'], { settings: 'istioNamespace: a\n', env: { MESH_ISTIONAMESPACE: 'b' } });
    expect([r.code, r.stdout]).toEqual([0, 'b\n']);
  });

  it('sets and unsets a key in place, keeping comments and other lines', async () => {
    const file = '# my defaults\ncontext: "dev"\nistioNamespace: old\n';
    const set = await runWithWorld(['x', 'config', 'set', 'istioNamespace', 'mesh-system'], { settings: file });
    expect(set.code).toBe(0);
    expect(set.ctx.written.get(SETTINGS_PATH)).toBe('# my defaults\ncontext: "dev"\nistioNamespace: "mesh-system"\n');
    expect(set.stderr).toBe(`set istioNamespace to "mesh-system" in ${SETTINGS_PATH}\n`);
    const added = await runWithWorld(['x', 'config', 'set', 'namespace', 'shop'], {});
    expect(added.ctx.written.get(SETTINGS_PATH)).toBe('namespace: "shop"\n');
    const unset = await runWithWorld(['x', 'config', 'unset', 'context'], { settings: file });
    expect(unset.ctx.written.get(SETTINGS_PATH)).toBe('# my defaults\nistioNamespace: old\n');
  });

  it.each([
    [['x', 'config', 'get', 'nope'], {}, 64, 'error: unknown setting "nope" (settings: context, istioNamespace, kubeconfig, namespace)'],
    [
      ['x', 'config', 'set', 'xds-port', '15012'],
      {},
      64,
      'error: "xds-port" is an istioctl setting mesh has no use for (mesh reaches istiod through the API server, not over XDS)',
    ],
    [['x', 'config', 'set', 'istioNamespace', 'Bad_NS'], {}, 64, 'error: istioNamespace: "Bad_NS" is not a valid namespace name (RFC 1123 label)'],
    [
      ['x', 'config', 'list'],
      { settings: 'context: a\nbogus: 1\n' },
      65,
      `error: ${SETTINGS_PATH}:2:1: unknown setting "bogus" (settings: context, istioNamespace, kubeconfig, namespace)`,
    ],
    [['x', 'config', 'list'], { settings: 'context: [a\n' }, 65, `error: ${SETTINGS_PATH}:2:1: not valid YAML`],
  ])('%j fails with exit %i on one line', async (argv, world, code, line) => {
    const r = await runWithWorld(argv, world);
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]!.startsWith(line)).toBe(true);
  });
});

describe('mesh x', () => {
  it('runs precheck and describe as x subcommands, under all three names', async () => {
    for (const name of ['x', 'experimental', 'exp']) {
      const help = await runWithWorld([name, 'precheck', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--failure-threshold');
    }
    const des = await runWithWorld(['x', 'describe', 'pod', '--help']);
    expect(des.stdout).toContain('Examples:');
  });
});
