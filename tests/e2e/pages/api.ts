import type { Page } from '@playwright/test';
import type { ApiResult, Input, Method, Output } from '../../../shared/contract';

/** Calls the backend with the page's own session (the token the app keeps in sessionStorage). */
export async function apiAs<M extends Method>(page: Page, method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
  const token = await page.evaluate(() => sessionStorage.getItem('lianxin.session'));
  const res = await page.request.post(new URL(`/api/${method}`, page.url()).href, {
    data: input,
    headers: token ? { 'x-lianxin-session': token } : {},
  });
  return (await res.json()) as ApiResult<Output<M>>;
}

/** The same, failing the test when the call is refused. */
export async function apiOk<M extends Method>(page: Page, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await apiAs(page, method, input);
  if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
  return r.value;
}
