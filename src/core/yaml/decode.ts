/** Turns input bytes into text, refusing what is not UTF-8 text instead of reading garbage. */
import { InputError } from '../../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a leading byte-order mark is dropped); throws InputError naming `origin` for binary or non-UTF-8 input. */
export function decodeText(bytes: Uint8Array, origin: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(`${origin}: binary input (NUL byte at offset ${nul}); expected YAML or JSON text`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, col } = lineColAtByte(bytes, at);
    throw new InputError(
      `${origin}:${line}:${col}: not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); convert the file to UTF-8`,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

function lineColAtByte(bytes: Uint8Array, at: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] !== 10) continue;
    line++;
    lineStart = i + 1;
  }
  return { line, col: at - lineStart + 1 };
}
