import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface RunningHost {
  child: ChildProcess;
  url: string;
}

/**
 * The web host on `dataDir`, as one process (node with tsx's loader, not the tsx wrapper: a SIGKILL
 * to the wrapper would leave the host running). `wrap` puts a tracer in front (e.g. strace), which
 * then owns the process; `ready` resolves with the URL once it is printed.
 */
export function spawnHost(dataDir: string, wrap: string[] = []): { child: ChildProcess; ready: Promise<string> } {
  const args = [process.execPath, '--import', 'tsx', 'electron/backend/web/main.ts', '--data-dir', dataDir, '--port', '0'];
  const [cmd, ...rest] = [...wrap, ...args];
  const child = spawn(cmd!, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/web host: (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`web host exited early (${code ?? signal}):\n${out}`));
    });
  });
  return { child, ready };
}

export async function startHost(dataDir: string, wrap: string[] = []): Promise<RunningHost> {
  const { child, ready } = spawnHost(dataDir, wrap);
  return { child, url: await ready };
}

export async function killHost(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}
