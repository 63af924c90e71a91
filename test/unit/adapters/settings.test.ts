import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserSettings } from '../../../src/adapters/settings.js';
import { main } from '../../../src/cli.js';
import { processIO } from '../../../src/adapters/process-io.js';

describe('the settings file on disk', () => {
  it('lives under $XDG_CONFIG_HOME, is created with its folder, and is read back', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'mesh-xdg-'));
    const first = readUserSettings({ XDG_CONFIG_HOME: xdg });
    expect([first.path, first.text]).toEqual([join(xdg, 'mesh', 'config.yaml'), undefined]);
    await first.save('istioNamespace: "mesh-system"\n');
    expect(readUserSettings({ XDG_CONFIG_HOME: xdg }).text).toBe('istioNamespace: "mesh-system"\n');
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
  });

  it('is the file $MESH_CONFIG names, else ~/.config/mesh/config.yaml', () => {
    expect(readUserSettings({ MESH_CONFIG: '/nowhere/c.yaml', XDG_CONFIG_HOME: '/x' }).path).toBe('/nowhere/c.yaml');
    expect(readUserSettings({ HOME: '/h' }).path.endsWith(join('.config', 'mesh', 'config.yaml'))).toBe(true);
  });

  it('sets global defaults in a real run: mesh x config set, then get', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'mesh-xdg-'));
    const out: string[] = [];
    const io = () => ({ ...processIO(), env: { XDG_CONFIG_HOME: xdg }, out: (t: string) => void out.push(t), err: () => {} });
    // processIO reads process.env; the test's env goes through a settings reader of its own.
    const run = (argv: string[]) => {
      const base = io();
      return main(argv, { ...base, settings: () => readUserSettings(base.env) });
    };
    expect(await run(['x', 'config', 'set', 'istioNamespace', 'mesh-system'])).toBe(0);
    expect(readFileSync(join(xdg, 'mesh', 'config.yaml'), 'utf8')).toBe('istioNamespace: "mesh-system"\n');
    expect(await run(['x', 'config', 'get', 'istioNamespace'])).toBe(0);
    expect(out.join('')).toBe('mesh-system\n');
  });
});
