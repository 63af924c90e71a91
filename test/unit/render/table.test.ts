import { describe, expect, it } from 'vitest';
import { paint, painter } from '../../../src/render/paint.js';
import { renderTable } from '../../../src/render/table.js';

describe('renderTable', () => {
  it('measures the header too, pads by 5 by default and leaves the last column unpadded', () => {
    expect(
      renderTable(
        ['NAME', 'X'],
        [
          ['a', 'long value'],
          ['bb', ''],
        ],
      ),
    ).toBe('NAME     X\na        long value\nbb       \n');
  });
  it('drops trailing spaces only when asked', () => {
    expect(renderTable(['A', 'B'], [['a', '']], { trimEnd: true, padding: 1 })).toBe('A B\na\n');
  });
  it('right-aligns a column within its width', () => {
    expect(
      renderTable(
        [{ header: 'N', align: 'right' }, 'NAME'],
        [
          ['7', 'a'],
          ['123', 'b'],
        ],
        { padding: 1 },
      ),
    ).toBe('  N NAME\n  7 a\n123 b\n');
  });
  it('paints after measuring, so painted and plain rows line up', () => {
    const plain = renderTable(
      ['S', 'T'],
      [
        ['STALE', 'x'],
        ['OK', 'y'],
      ],
    );
    const painted = renderTable(
      ['S', 'T'],
      [
        [{ text: 'STALE', style: 'late' }, 'x'],
        ['OK', 'y'],
      ],
      { color: true },
    );
    expect(painted).toBe(plain.replace('STALE', '\x1b[33mSTALE\x1b[0m'));
    expect(renderTable(['S'], [[{ text: 'STALE', style: 'late' }]], { color: false })).toBe('S\nSTALE\n');
  });
  it('prints rows alone with noHeader', () => {
    expect(
      renderTable(
        [],
        [
          ['a', 'x'],
          ['bbb', 'y'],
        ],
        { noHeader: true, padding: 2 },
      ),
    ).toBe('a    x\nbbb  y\n');
  });
});

describe('paint', () => {
  it('paints only when enabled, marks closing the colour alone and cells resetting', () => {
    expect(paint('✔', 'success', true)).toBe('\x1b[32m✔\x1b[39m');
    expect(paint('ERROR', 'broken', true)).toBe('\x1b[31mERROR\x1b[0m');
    expect(paint('ERROR', 'broken', false)).toBe('ERROR');
  });
  it('follows the stream the text goes to', () => {
    const terminal = { color: false, colorErr: true };
    expect(painter(terminal, 'stdout')('x', 'added')).toBe('x');
    expect(painter(terminal, 'stderr')('x', 'added')).toBe('\x1b[32mx\x1b[0m');
  });
});
