import path from 'node:path';

/**
 * Serving the built renderer, shared by the web host and Electron's `app://` protocol: which file a
 * URL path maps to (or why it is refused), MIME types, and the content security policy.
 */

/**
 * The content security policy of every page, in Electron and in the browser: only our own
 * scripts; inline styles are allowed because antd's CSS-in-JS writes <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type StaticResolution = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 };

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, refusing anything that could leave
 * it: `..`, encoded or double-encoded dots, backslashes, NUL bytes, absolute and drive paths. Paths
 * whose last segment has no extension are client-side routes (`/display`) and get index.html; the
 * caller answers 404 for files that do not exist.
 */
export function resolveStaticPath(root: string, urlPath: string): StaticResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400 };
  }
  // A '%' left after decoding means double encoding; the build emits no such file names.
  if (!decoded.startsWith('/') || /[\0\\%]/.test(decoded)) return { ok: false, status: 400 };
  const relative = decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 400 };
  // `//etc/passwd`, `/C:/Windows/...`
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative) || path.isAbsolute(relative)) {
    return { ok: false, status: 400 };
  }
  const lastSegment = segments[segments.length - 1] ?? '';
  const target = lastSegment === '' || path.extname(lastSegment) === '' ? 'index.html' : relative;
  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, target);
  const fromRoot = path.relative(resolvedRoot, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { ok: false, status: 403 };
  return { ok: true, filePath, mimeType: mimeType(filePath) };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
