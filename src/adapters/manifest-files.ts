/** Writes `manifest generate -o <dir>`: one `<Component>.yaml` per component, in install order. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeTextFileAtomic } from './files.js';
import { emitYaml } from '../core/yaml/emit.js';
import type { KubeObject } from '../core/yaml/load.js';

/** Writes each group into `dir` (created if missing); returns the paths written. */
export async function writeComponentFiles(dir: string, groups: { component: string; objects: KubeObject[] }[]): Promise<string[]> {
  try {
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (const g of groups) {
      const file = join(dir, `${g.component}.yaml`);
      writeTextFileAtomic(file, g.objects.map((o) => emitYaml(o)).join('---\n'));
      written.push(file);
    }
    return written;
  } catch (error) {
    throw new InputError(`-o ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'cannot write'}: ${(error as Error).message}`, { cause: error });
  }
}
