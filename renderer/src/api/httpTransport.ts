// From the zod-free modules, not the contract's index: the schemas stay out of the first download.
import { isAppErrorValue } from '../../../shared/contract/errors';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_SESSION_HEADER, type ApiResult } from '../../../shared/contract/transport';
import type { Transport } from './transport';

/** The session token lives in sessionStorage: one session per browser tab, gone when the tab closes. */
const TOKEN_KEY = 'lianxin.session';

function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

function headers(): Record<string, string> {
  const t = token();
  return t ? { [HTTP_SESSION_HEADER]: t } : {};
}

export const httpTransport: Transport = {
  async call(method, input) {
    let res: Response;
    try {
      res = await fetch(`${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers() },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', key: 'error.network' } };
    }
    const next = res.headers.get(HTTP_SESSION_HEADER);
    if (next !== null) {
      if (next) sessionStorage.setItem(TOKEN_KEY, next);
      else sessionStorage.removeItem(TOKEN_KEY);
    }
    try {
      const body = (await res.json()) as ApiResult;
      if (body.ok || isAppErrorValue(body.error)) return body;
    } catch {
      /* fall through */
    }
    return { ok: false, error: { code: 'INTERNAL', key: 'error.internal' } };
  },

  /**
   * Server-Sent Events read with fetch (EventSource cannot send the session header), reconnecting
   * with a growing delay when the stream drops.
   */
  subscribe(listener) {
    let stopped = false;
    let controller: AbortController | null = null;
    let delay = 500;
    const run = async () => {
      while (!stopped) {
        controller = new AbortController();
        try {
          const res = await fetch(HTTP_EVENTS_PATH, { headers: headers(), signal: controller.signal });
          if (!res.ok || !res.body) throw new Error(String(res.status));
          listener('connection', true);
          delay = 500;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let cut: number;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              let name = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('event: ')) name = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
              }
              if (data) listener(name, JSON.parse(data));
            }
          }
        } catch {
          /* reconnect below */
        }
        if (stopped) return;
        listener('connection', false);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    };
    void run();
    return () => {
      stopped = true;
      controller?.abort();
    };
  },
};

/** After login or logout the event stream must reconnect with the new session. */
export function sessionToken(): string | null {
  return token();
}
