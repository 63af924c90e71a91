// User-caused file problems exit 65 (InputError), never 1: exit 1 is reserved for bugs (src/errors.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTextFileAtomic } from '../../../src/adapters/files.js';
import { checkInjectConfigFile } from '../../../src/app/inject-config.js';
import { fakeContext } from '../../helpers/fake-context.js';
import { ExitCode, InputError } from '../../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'mesh-user-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('user-caused file errors', () => {
  it('writing into a folder that does not exist is an InputError (exit 65)', () => {
    const target = join(dir, 'missing', 'out.yaml');
    expect(() => writeTextFileAtomic(target, 'a: 1\n')).toThrow(InputError);
    expect(() => writeTextFileAtomic(target, 'a: 1\n')).toThrow(
      expect.objectContaining({ exitCode: ExitCode.Data, message: expect.stringMatching(/^cannot write /) }),
    );
  });

  it('an injector configuration whose default template is not built in is an InputError (exit 65)', async () => {
    const file = join(dir, 'inject-config.yaml');
    const { files } = fakeContext({ files: { [file]: 'config:\n  defaultTemplates: [my-template]\n  templates:\n    my-template: "{}"\n' } });
    const error = await checkInjectConfigFile(files, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(ExitCode.Data);
    expect((error as Error).message).toMatch(/default templates \["my-template"\] are not all built in/);
  });
});
