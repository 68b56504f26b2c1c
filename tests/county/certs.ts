import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A throwaway CA and server certificates made with the openssl CLI, for tests of "certificate not
 * trusted" (serve certFile, do not give the client caPem) and "certificate mismatch" (serve
 * wrongHostCertFile, made out to another name by the same CA).
 */
export type TestCertificates = { caPem: string; caFile: string; certFile: string; keyFile: string; wrongHostCertFile: string; wrongHostKeyFile: string };

export function makeTestCertificates(dir: string, opts: { hostname?: '127.0.0.1' | 'localhost' | string } = {}): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const host = opts.hostname ?? '127.0.0.1';
  const san = /^[\d.]+$/.test(host) || host.includes(':') ? `IP:${host}` : `DNS:${host}`;
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Test County Root CA/O=Test County');
  for (const [name, alt] of [['server', san], ['wrong-host', 'DNS:sync.other-county.example']] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${alt}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }
  const file = (n: string) => path.join(dir, n);
  return {
    caPem: fs.readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    wrongHostCertFile: file('wrong-host.pem'),
    wrongHostKeyFile: file('wrong-host.key'),
  };
}
