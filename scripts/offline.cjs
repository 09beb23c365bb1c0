// Preloaded into electronegativity, which phones home (translations, Electron release lists)
// through `got` with retries: its `got` fails at once instead, so the scan never waits on,
// or depends on, the network. Nothing else is touched.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node -r) must use require
const Module = require('node:module');

const offline = () => Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' }));
offline.head = offline;
offline.get = offline;

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest);
};
