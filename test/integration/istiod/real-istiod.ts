// The shared start of every real-istiod test file: the demo profile installed by mesh (a converged
// install is a no-op, so each file can ask for it) and the default revision's istiod running.
import { afterAll, beforeAll, expect } from 'vitest';
import { startIstiod, type LocalIstiod } from '../helpers/istiod.js';
import { meshInstall } from '../helpers/mesh.js';

/** Installs `--set profile=demo` (plus `installArgs`) before the file's tests and runs istiod until they end; returns a getter. */
export function useRealIstiod(installArgs: string[] = []): () => LocalIstiod {
  let istiod: LocalIstiod | undefined;
  beforeAll(async () => {
    const res = await meshInstall(['--set', 'profile=demo', ...installArgs]);
    expect(res.code, `mesh install failed:\n${res.stderr}`).toBe(0);
    istiod = await startIstiod();
  });
  afterAll(async () => {
    await istiod?.stop();
  });
  return () => {
    if (!istiod) throw new Error('istiod did not start (see beforeAll)');
    return istiod;
  };
}
