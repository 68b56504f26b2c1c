import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the backend keeps secrets (the centre's card-signing key; later the county credential).
 * Each secret is one file under `<dataDir>/secrets/`, readable by the app's user only (0600 in a 0700
 * folder). Under Electron the shell passes a `seal` (safeStorage: DPAPI on Windows, the keychain on
 * macOS, libsecret on Linux) and the file holds only the sealed bytes; the backend never imports
 * electron. The web host and tests use plain files with the same permissions.
 */
export interface SecretStore {
  get(name: string): Buffer | null;
  set(name: string, value: Buffer): void;
  /** 'safeStorage' or 'file': shown to the admin so they know how the key is kept. */
  readonly kind: 'safeStorage' | 'file';
}

export interface Seal {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

const NAME = /^[a-z0-9][a-z0-9.-]{0,63}$/;

export function createSecretStore(dataDir: string, seal?: Seal): SecretStore {
  const dir = path.join(dataDir, 'secrets');
  const fileOf = (name: string, sealed = seal !== undefined) => {
    if (!NAME.test(name)) throw new Error(`bad secret name: ${name}`);
    return path.join(dir, `${name}${sealed ? '.sealed' : '.key'}`);
  };
  const read = (file: string): Buffer | null => {
    try {
      return fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  const store: SecretStore = {
    kind: seal ? 'safeStorage' : 'file',
    get(name) {
      const raw = read(fileOf(name));
      if (raw) return seal ? seal.decrypt(raw) : raw;
      if (!seal) return null;
      // Written as a plain file before (the web host on this folder): seal it now and drop the plain copy.
      const plain = read(fileOf(name, false));
      if (!plain) return null;
      store.set(name, plain);
      fs.rmSync(fileOf(name, false));
      return plain;
    },
    set(name, value) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.chmodSync(dir, 0o700);
      const file = fileOf(name);
      const tmp = `${file}.tmp-${process.pid}`;
      // Written whole then renamed, so a crash never leaves half a key.
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeSync(fd, seal ? seal.encrypt(value) : value);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    },
  };
  return store;
}
