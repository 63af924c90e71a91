/** A one-line progress bar for status lines: `[########------------] 120/500 collecting`. */

/** Renders `done` of `total` as a bar of `width` cells followed by the counts and `label`. */
export function progressBar(done: number, total: number, label: string, width = 24): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
}
