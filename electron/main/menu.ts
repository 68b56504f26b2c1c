import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { IpcBridge } from './ipc';
import { APP_TITLE, openDisplayWindow } from './windows';

export function installApplicationMenu(ipc: IpcBridge): void {
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: '窗口',
      submenu: [
        { label: '打开叫号屏', click: () => openDisplayWindow(ipc) },
        { type: 'separator' },
        { label: '最小化', role: 'minimize' },
        { label: '关闭窗口', role: 'close' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: `关于${APP_TITLE}`,
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: `关于${APP_TITLE}`,
              message: `${APP_TITLE} ${app.getVersion()}`,
              detail: '党群服务中心前台应用',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
