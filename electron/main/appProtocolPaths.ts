/**
 * Pure logic of the `app://` protocol (no `electron` import, so it is unit-tested under plain Node):
 * the app's origin, and which file a request URL maps to (the path rules are the web host's).
 */
import { resolveStaticPath, type StaticResolution } from '../backend/web/staticFiles';

export { CONTENT_SECURITY_POLICY } from '../backend/web/staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for a URL of the app's own origin, `app://desk/...`, and nothing else. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

// Checked on the raw URL as well as on the decoded path: Chromium canonicalises URLs before the
// handler sees them, but this must not rely on that.
const RAW_FORBIDDEN = [/%00/i, /%5c/i, /\\/, /\0/, /(^|\/|%2f)(\.|%2e){2}(\/|%2f|\?|#|$)/i];

/** Maps `app://desk/<path>` to a file under `root`, or the status to refuse it with. */
export function resolveAppRequest(url: string, root: string): StaticResolution {
  if (RAW_FORBIDDEN.some((pattern) => pattern.test(url))) return { ok: false, status: 400 };
  if (!isAppUrl(url)) return { ok: false, status: 403 };
  // A non-special scheme gives `app://desk` an empty path.
  return resolveStaticPath(root, new URL(url).pathname || '/');
}
