import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipcGuard';

const OWN_WINDOW = 7;
const trusted = new Set([OWN_WINDOW, 8]);
const topFrame = (url: string) => ({ url, isTopFrame: true });

describe('isTrustedSender', () => {
  it('accepts the top frame of an own window showing app://desk/', () => {
    expect(isTrustedSender(topFrame('app://desk/'), trusted, OWN_WINDOW)).toBe(true);
    expect(isTrustedSender(topFrame('app://desk/display'), trusted, OWN_WINDOW)).toBe(true);
    expect(isTrustedSender(topFrame('app://desk/intake/new?x=1#top'), trusted, 8)).toBe(true);
  });

  it('refuses a window that is not one of ours', () => {
    expect(isTrustedSender(topFrame('app://desk/'), trusted, 99)).toBe(false);
    expect(isTrustedSender(topFrame('app://desk/'), new Set(), OWN_WINDOW)).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, trusted, OWN_WINDOW)).toBe(false);
  });

  it('refuses an iframe even on the app origin', () => {
    expect(isTrustedSender({ url: 'app://desk/', isTopFrame: false }, trusted, OWN_WINDOW)).toBe(false);
  });

  it.each([
    'about:blank',
    'about:srcdoc',
    '',
    'not a url',
    'file:///C:/app/out/renderer/index.html',
    'file:///home/user/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    'https://desk/',
    'https://evil.example/app://desk/',
    'app://other/',
    'app://desk.evil.example/',
    'app://desk:8080/',
    'app://desk@evil/',
    'app://user:pass@desk/',
    'data:text/html,<script>1</script>',
    'blob:app://desk/1234',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/',
  ])('refuses a frame at %j', (url) => {
    expect(isTrustedSender(topFrame(url), trusted, OWN_WINDOW)).toBe(false);
  });
});
