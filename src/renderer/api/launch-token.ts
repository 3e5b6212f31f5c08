// Browser mode is opened from the link Closebook prints: http://127.0.0.1:PORT/?token=...
// The token is kept for this tab only (sessionStorage survives reloads, not new tabs) and
// removed from the address bar so it does not linger in history or get copied along.

const STORAGE_KEY = 'closebook.launchToken';

let token: string | null | undefined;

export function launchToken(): string | null {
  if (token === undefined) token = takeTokenFromAddress() ?? readStoredToken();
  return token;
}

function takeTokenFromAddress(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (!fromUrl) return null;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
  } catch {
    // Storage can be disabled; the token still works until the page reloads.
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return fromUrl;
}

function readStoredToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
