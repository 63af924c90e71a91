import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

// One corpus (the ordering app plus the sample mistakes), one golden per output format.
const ARGS = ['analyze', '--use-kube=false', 'samples/ordering.yaml', 'samples/mistakes/'];

describe('mesh analyze goldens', () => {
  it.each([
    ['log', 'mistakes.out.txt'],
    ['json', 'mistakes.out.json'],
    ['yaml', 'mistakes.out.yaml'],
    ['sarif', 'mistakes.out.sarif'],
  ])('-o %s', async (format, golden) => {
    const r = await runCli([...ARGS, '-o', format]);
    expect(r.code).toBe(79);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(golden);
  });
});
