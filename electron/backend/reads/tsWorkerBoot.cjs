// Starts the read worker from its TypeScript source (web host under tsx, tests under vitest);
// the desktop build bundles the worker to out/main/readWorker.js instead.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.entry);
