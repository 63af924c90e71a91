import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

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
