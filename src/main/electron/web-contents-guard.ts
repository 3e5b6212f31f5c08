import type { Event, WebContents } from 'electron';

/** Scheme, host and port of a URL ("app://closebook", "http://localhost:5173"); null if unparsable. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // URL.origin is "null" for non-special schemes such as app:, hence built by hand.
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Navigating within the app's own origin is allowed; leaving it is not. */
export function isNavigationAllowed(url: string, pageOrigin: string): boolean {
  return originOf(url) === pageOrigin;
}

/**
 * The page may not leave the app, open windows or embed webviews: a link or an injected
 * script that tries to is simply stopped. Applied to every WebContents the app creates.
 */
export function guardWebContents(contents: WebContents, pageOrigin: string): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    if (!isNavigationAllowed(url, pageOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isNavigationAllowed(url, pageOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
