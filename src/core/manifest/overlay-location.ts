/**
 * Adds `line:col` to errors about -f overlays. Kept apart from the pure resolver because finding positions needs
 * the `yaml` Document API, which is slow to load: it is imported only when there is an error to report.
 */
import { InputError, formatLocation } from '../../errors.js';
import { OverlayError } from '../../profiles/resolve.js';
import type { YamlDoc } from '../yaml/load.js';

/** Returns `error` with `file:line:col:` when it is an OverlayError whose source has text; else `error` itself. */
export async function overlayErrorWithLocation(error: unknown): Promise<unknown> {
  if (!(error instanceof OverlayError) || error.source.text === undefined) return error;
  const { locate } = await import('../yaml/locate.js');
  const { source } = error;
  const doc: YamlDoc = { origin: source.origin, index: 0, text: source.text!, line: source.line ?? 1, value: source.value, empty: false };
  const pos = locate(doc, error.path, { key: true });
  const options = error.hint === undefined ? { cause: error } : { cause: error, hint: error.hint };
  return new InputError(`${formatLocation(source.origin, pos.line, pos.col)}: ${error.detail}`, options);
}
