/** The user's defaults file on disk (`mesh x config`), found as istioctl finds ~/.istioctl/config.yaml, in XDG's place. */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { UserSettings } from '../context.js';
import { InputError } from '../errors.js';

/** $MESH_CONFIG, else $XDG_CONFIG_HOME/mesh/config.yaml, else ~/.config/mesh/config.yaml; read now (a missing file is none). */
export function readUserSettings(env: Readonly<Record<string, string | undefined>>): UserSettings {
  const path = env.MESH_CONFIG || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'mesh', 'config.yaml');
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new InputError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return {
    path,
    text,
    async save(next) {
      const tmp = `${path}.mesh-${process.pid}.tmp`;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(tmp, next, { flag: 'w', mode: 0o600 });
        renameSync(tmp, path);
      } catch (error) {
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
        throw new InputError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
