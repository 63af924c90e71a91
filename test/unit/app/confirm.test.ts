import { describe, expect, it } from 'vitest';
import { confirmChange, confirmOrRefuse, requireConfirmable } from '../../../src/app/confirm.js';
import { UsageError } from '../../../src/errors.js';
import { fakeContext } from '../../helpers/fake-context.js';

describe('app/confirm', () => {
  it('refuses up front without -y when no terminal can answer, unless it is a dry run', () => {
    expect(() => requireConfirmable(fakeContext(), false, false, 'install')).toThrow(UsageError);
    expect(() => requireConfirmable(fakeContext(), false, true, 'install')).not.toThrow();
    expect(() => requireConfirmable(fakeContext(), true, false, 'install')).not.toThrow();
    expect(() => requireConfirmable(fakeContext({ stdinIsTTY: true }), false, false, 'install')).not.toThrow();
  });

  it('asks through the prompt port only when -y is not given', async () => {
    const yes = fakeContext({ stdinIsTTY: true });
    expect(await confirmChange(yes, true, 'Go?', 'install')).toBe(true);
    expect(yes.asked).toEqual([]);
    const asked = fakeContext({ stdinIsTTY: true, answers: [false] });
    expect(await confirmChange(asked, false, 'Go?', 'install')).toBe(false);
    expect(asked.asked).toEqual(['Go?']);
  });

  it('throws the refusal it is given when there is no terminal, without asking', async () => {
    const ctx = fakeContext();
    const refusal = new UsageError('still in use');
    await expect(confirmOrRefuse(ctx, 'Remove?', refusal)).rejects.toBe(refusal);
    expect(ctx.asked).toEqual([]);
  });
});
