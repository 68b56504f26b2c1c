import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppRequest } from './appProtocolPaths';

/** Must run before `app` is ready. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https.
      // corsEnabled stays off so no other origin can read the app's files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  // Local files: caching gains nothing and could serve a stale index.html after an update.
  'Cache-Control': 'no-cache',
};

function refuse(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** Serves the built renderer (`out/renderer`) at `app://desk/`. Call after `app` is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppRequest(request.url, rendererRoot);
    if (!resolved.ok) return refuse(resolved.status);
    let body: Buffer;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType },
    });
  });
}
