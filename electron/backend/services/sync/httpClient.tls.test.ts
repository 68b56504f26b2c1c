import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caInfo } from './config';
import { createCountyHttp, SyncFailure, type CountyTarget } from './httpClient';
import { HEADERS } from './protocol';
import { signResponse } from './signing';

/**
 * County intranets often run their own CA: without it imported the answer is "certificate not
 * trusted", with it the call goes through, and a certificate made out to another name is refused
 * even from a trusted CA. Real certificates made with the openssl CLI, real TLS on loopback.
 */
const CREDENTIAL = 'tls-test-credential';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-tls-'));
const file = (n: string) => path.join(dir, n);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

function makeCerts() {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=示范县测试根证书/O=Test County', '-utf8');
  for (const [name, san] of [
    ['good', 'IP:127.0.0.1,DNS:localhost'],
    ['wrong', 'DNS:sync.other-county.example'],
  ] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    fs.writeFileSync(file(`${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }
}

const servers: https.Server[] = [];
async function serveTls(name: 'good' | 'wrong'): Promise<string> {
  const server = https.createServer({ key: fs.readFileSync(file(`${name}.key`)), cert: fs.readFileSync(file(`${name}.pem`)) }, (req, res) => {
    const body = Buffer.from(JSON.stringify({ tls: true }));
    res.writeHead(200, { 'content-type': 'application/json', [HEADERS.signature]: signResponse(CREDENTIAL, 200, String(req.headers[HEADERS.nonce]), body) });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/lx`;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof SyncFailure) return e.code;
    throw e;
  }
}

describe('county HTTP client over TLS', () => {
  let caPem: string;
  beforeAll(() => {
    makeCerts();
    caPem = fs.readFileSync(file('ca.pem'), 'utf8');
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says untrusted_certificate without the county CA, and goes through once it is imported', async () => {
    const endpoint = await serveTls('good');
    const target: CountyTarget = { endpoint, centreCode: 'DEMO-001', credential: CREDENTIAL, caPem: null };
    const client = createCountyHttp({ timeoutMs: 3_000 });
    try {
      expect(await codeOf(client.call(target, 'GET', '/v1/hello'))).toBe('untrusted_certificate');
      expect(await client.call({ ...target, caPem }, 'GET', '/v1/hello')).toEqual({ tls: true });
      // Removing the CA again trusts only the system's roots.
      expect(await codeOf(client.call(target, 'GET', '/v1/hello'))).toBe('untrusted_certificate');
    } finally {
      await client.close();
    }
  });

  it('says certificate_mismatch when the certificate names another host, even from the trusted CA', async () => {
    const endpoint = await serveTls('wrong');
    const client = createCountyHttp({ timeoutMs: 3_000 });
    try {
      expect(await codeOf(client.call({ endpoint, centreCode: 'DEMO-001', credential: CREDENTIAL, caPem }, 'GET', '/v1/hello'))).toBe('certificate_mismatch');
    } finally {
      await client.close();
    }
  });

  it('says not_county when https meets a server that does not speak TLS', async () => {
    const http = await import('node:http');
    const plain = http.createServer((_req, res) => res.end('plain'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const client = createCountyHttp({ timeoutMs: 3_000 });
    try {
      const endpoint = `https://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      expect(await codeOf(client.call({ endpoint, centreCode: 'DEMO-001', credential: CREDENTIAL, caPem }, 'GET', '/v1/hello'))).toBe('not_county');
    } finally {
      await client.close();
      plain.close();
    }
  });

  it('shows the imported CA by subject, expiry and fingerprint', () => {
    const info = caInfo(caPem);
    expect(info.subject).toContain('Test County');
    expect(info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Date.parse(info.validTo)).toBeGreaterThan(Date.now());
  });
});
