import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer boundaries of ARCHITECTURE.md are lint rules; this proves each one fires. */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('shared/ may not import Node, Electron or the DOM', async () => {
    expect(await problems('shared/rules/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
    expect(await problems('shared/rules/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/rules/x.ts', 'export const w = window.location;\n')).toEqual([
      expect.stringContaining('no-restricted-globals'),
    ]);
    expect(await problems('shared/rules/x.ts', 'export const ok = 1;\n')).toEqual([]);
  });

  it('the backend may not import electron', async () => {
    expect(await problems('electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/backend/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
    expect(await problems('electron/backend/x.ts', "import { x } from '../main/ipc';\nexport const a = x;\n")).toHaveLength(1);
  });

  it('the renderer may not import Node, Electron or the backend', async () => {
    expect(await problems('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import { handlers } from '../../electron/backend/api/handlers';\nexport const a = handlers;\n")).toHaveLength(1);
  });

  it('raw ipcMain / ipcRenderer only in the two transport files', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await problems('electron/main/window.ts', code)).toEqual([expect.stringContaining('no-restricted-syntax')]);
    expect(await problems('electron/main/ipc.ts', code)).toEqual([]);
  });
});
