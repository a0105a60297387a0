// Preloaded by test/unit/nodeVersion.test.ts (`node --require`): this Node says it
// is the version in AXIAL_TEST_NODE_VERSION, as an older Node would, and each
// load of better-sqlite3 is written to stderr, to see whether the check came first.
'use strict';

const version = process.env.AXIAL_TEST_NODE_VERSION;
if (version)
  Object.defineProperty(process, 'versions', { value: { ...process.versions, node: version } });

const Module = process.getBuiltinModule('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/better[-_]sqlite3/.test(request)) process.stderr.write(`[loaded ${request}]\n`);
  return load.call(this, request, ...rest);
};
