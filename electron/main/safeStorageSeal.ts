import { safeStorage } from 'electron';
import type { Seal } from '../backend/secrets/secretStore';

/**
 * Secrets sealed by the operating system (DPAPI, the macOS keychain, libsecret) where Electron can;
 * undefined elsewhere (e.g. Linux without a keyring), and the backend falls back to user-only files.
 * Linux's 'basic_text' backend is a hard-coded password, no better than the file, so it is not used.
 */
export function safeStorageSeal(): Seal | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
