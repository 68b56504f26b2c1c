import { parseFaultFlag, type FaultRates } from './faults';
import { createCountyServer } from './server';

/**
 * npm run county -- --port N --data-dir DIR [--seed S] [--faults drop=0.1,lost=0.1]
 *   [--centre CODE:CREDENTIAL[:NAME]]... [--tls-cert F --tls-key F] [--host H] [--verbose]
 * Prints `county: http://127.0.0.1:PORT` once listening (tests parse that line).
 */
function parseArgs(argv: string[]) {
  const o: { port: number; dataDir: string; seed: number; faults: FaultRates; centres: { code: string; credential: string; name?: string }[]; tlsCert?: string; tlsKey?: string; host: string; verbose: boolean } = {
    port: 0, dataDir: '', seed: 1, faults: {}, centres: [], host: '127.0.0.1', verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') o.port = Number(value());
    else if (flag === '--data-dir') o.dataDir = value();
    else if (flag === '--seed') o.seed = Number(value());
    else if (flag === '--faults') o.faults = parseFaultFlag(value());
    else if (flag === '--centre') {
      const [code, credential, ...name] = value().split(':');
      if (!code || !credential) throw new Error('--centre needs CODE:CREDENTIAL');
      o.centres.push({ code, credential, name: name.length ? name.join(':') : undefined });
    } else if (flag === '--tls-cert') o.tlsCert = value();
    else if (flag === '--tls-key') o.tlsKey = value();
    else if (flag === '--host') o.host = value();
    else if (flag === '--verbose') o.verbose = true;
    else throw new Error(`unknown flag ${flag}`);
  }
  if (!o.dataDir) throw new Error('--data-dir DIR is required');
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port must be 0..65535');
  if (!Number.isFinite(o.seed)) throw new Error('--seed must be a number');
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new Error('--tls-cert and --tls-key go together');
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const county = createCountyServer({
    dataDir: o.dataDir, seed: o.seed, faults: o.faults, centres: o.centres, host: o.host,
    tls: o.tlsCert && o.tlsKey ? { certFile: o.tlsCert, keyFile: o.tlsKey } : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const url = await county.listen(o.port);
  process.stdout.write(`county: ${url}\n`);
  if (o.verbose) process.stdout.write(`centres: ${county.state.store.centres().map((c) => c.code).join(', ')}\n`);
  const stop = () => void county.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`county: ${(e as Error).message}\n`);
  process.exit(2);
});
