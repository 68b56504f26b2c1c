import { App, message as staticMessage } from 'antd';

/** antd's message API from the app's <App> context, or the static one when the page is used outside it. */
export function useNotify() {
  const { message } = App.useApp();
  return typeof message?.error === 'function' ? message : staticMessage;
}
