/**
 * Opens a URL in the user's browser with the `open` package (loaded only here, only when asked). A machine
 * without a display (an SSH session, a container, CI) gets a reason instead of a launcher that fails silently or
 * starts a text browser in the background.
 */

/** Why no browser can be opened here, or undefined when one probably can. Pure. */
export function noBrowserReason(env: Readonly<Record<string, string | undefined>>, platform: string): string | undefined {
  if (env.BROWSER) return undefined;
  const unixDesktop = platform !== 'darwin' && platform !== 'win32';
  if (unixDesktop && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
  return undefined;
}

/**
 * Opens `url`; calls `onFailure` with a one-line reason when no browser could be started, now or when the launcher
 * exits non-zero a moment later (xdg-open does so when it finds no browser).
 */
export async function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>, onFailure: (reason: string) => void): Promise<void> {
  const reason = noBrowserReason(env, process.platform);
  if (reason) {
    onFailure(reason);
    return;
  }
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.once('exit', (code) => {
      if (code) onFailure(`the browser launcher exited with code ${code}`);
    });
  } catch (error) {
    onFailure((error as Error).message.split('\n')[0] ?? 'the browser launcher failed');
  }
}
