import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, resolveAppRequest } from './appProtocolPaths';
import { mimeType as mimeTypeFor } from '../backend/web/staticFiles';

const root = path.resolve('/srv/lianxin/out/renderer');
const file = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppRequest', () => {
  it('serves index.html for the root and for client-side routes', () => {
    for (const url of ['app://desk/', 'app://desk', 'app://desk/display', 'app://desk/intake/new', 'app://desk/cards?id=1#x']) {
      expect(resolveAppRequest(url, root)).toEqual({ ok: true, filePath: file('index.html'), mimeType: 'text/html; charset=utf-8' });
    }
  });

  it('serves files under the root with their MIME type', () => {
    expect(resolveAppRequest('app://desk/assets/index-abc123.js', root)).toEqual({
      ok: true,
      filePath: file('assets', 'index-abc123.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://desk/assets/index.css?v=2', root)).toMatchObject({ ok: true, filePath: file('assets', 'index.css') });
    expect(resolveAppRequest('app://desk/fonts/%E6%80%9D%E6%BA%90.woff2', root)).toMatchObject({
      ok: true,
      filePath: file('fonts', '思源.woff2'),
      mimeType: 'font/woff2',
    });
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/assets/../../../etc/passwd',
    'app://desk/..',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/secret.txt',
    'app://desk/.%2e/secret.txt',
    'app://desk/assets%2f..%2f..%2fsecret.txt',
    'app://desk/%252e%252e/%252e%252e/etc/passwd.txt',
    'app://desk/..\\..\\windows\\win.ini',
    'app://desk/assets\\..\\..\\secret.txt',
    'app://desk/%5c..%5csecret.txt',
    'app://desk//etc/passwd.txt',
    'app://desk/%2fetc/passwd.txt',
    'app://desk/C:/Windows/win.ini',
    'app://desk/c%3a/Windows/win.ini',
    'app://desk/index.html%00.png',
    'app://desk/index.html\0.png',
    'app://desk/%E0%A4%A',
  ])('refuses %j', (url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false });
  });

  it.each([
    'app://other/index.html',
    'app://desk.evil/index.html',
    'app://desk:1234/index.html',
    'app://x@desk/index.html',
    'file:///etc/passwd',
    'http://desk/index.html',
    'https://desk/',
    '/etc/passwd',
    'not a url',
  ])('refuses %j (wrong scheme, host or absolute path)', (url) => {
    expect(resolveAppRequest(url, root).ok).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://desk', () => {
    expect(isAppUrl('app://desk/')).toBe(true);
    expect(isAppUrl('app://desk/display')).toBe(true);
    expect(isAppUrl('app://desks/')).toBe(false);
    expect(isAppUrl('app:desk')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/x.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('a/noext')).toBe('application/octet-stream');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline or remote script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
  });
});
