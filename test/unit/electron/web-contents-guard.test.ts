import { describe, expect, it } from 'vitest';
import { guardWebContents, isNavigationAllowed, originOf } from '../../../src/main/electron/web-contents-guard';
import { asWebContents, fakeWebContents, preventableEvent } from './fake-electron';

describe('navigation and new windows', () => {
  it('computes origins for custom and http schemes alike', () => {
    expect(originOf('app://closebook/index.html')).toBe('app://closebook');
    expect(originOf('http://localhost:5173/x?y')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });

  it('allows navigation within the app origin only', () => {
    expect(isNavigationAllowed('app://closebook/index.html#/revenues', 'app://closebook')).toBe(true);
    expect(isNavigationAllowed('app://evil/index.html', 'app://closebook')).toBe(false);
    expect(isNavigationAllowed('https://closebook.example/', 'app://closebook')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', 'app://closebook')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', 'app://closebook')).toBe(false);
  });

  it('stops will-navigate and will-redirect away from the app, and lets in-app ones through', () => {
    const contents = fakeWebContents();
    guardWebContents(asWebContents(contents), 'app://closebook');
    for (const eventName of ['will-navigate', 'will-redirect']) {
      const away = preventableEvent();
      contents.emit(eventName, away, 'https://attacker.example/');
      expect(away.defaultPrevented).toBe(true);
      const inside = preventableEvent();
      contents.emit(eventName, inside, 'app://closebook/index.html');
      expect(inside.defaultPrevented).toBe(false);
    }
  });

  it('denies every new window and every webview', () => {
    const contents = fakeWebContents();
    guardWebContents(asWebContents(contents), 'app://closebook');
    expect(contents.openHandler?.({ url: 'app://closebook/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const webview = preventableEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });
});
