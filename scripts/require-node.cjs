// Axial needs the Node.js that package.json's engines names (22.12 or newer):
// its database module, better-sqlite3, is built for it, and an older Node does
// not refuse it with a message, it crashes on loading it (a segmentation
// fault). So `npm start`, `npm run web` and the command line check the version
// first, before anything else is loaded, on whatever Node started them. This
// file therefore uses only JavaScript that any Node since 8 parses, and builds
// the first lines of the bundles (scripts/build-electron.mjs inlines it).
'use strict';

function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** The lowest version of an engines range as package.json writes it: ">=22.12.0" gives "22.12.0". */
function minimumOf(range) {
  const match = /(\d+\.\d+\.\d+)/.exec(String(range));
  if (!match) throw new Error('package.json engines.node names no version: "' + range + '"');
  return match[1];
}

/** Null when `version` is `minimum` or newer; otherwise what to tell the researcher. */
function nodeVersionProblem(version, minimum, executable) {
  const have = parseVersion(version);
  const need = parseVersion(minimum);
  if (have && need) {
    for (let part = 0; part < 3; part += 1) {
      if (have[part] > need[part]) return null;
      if (have[part] < need[part]) break;
      if (part === 2) return null;
    }
  }
  return (
    'Axial needs Node.js ' +
    minimum +
    ' or newer, and this is Node.js ' +
    version +
    ' (' +
    executable +
    '). Install the current Node.js LTS from https://nodejs.org (or switch to it with nvm, fnm or Volta), then run the command again.'
  );
}

/** Stops this process, with the message and status 1, unless its Node is `minimum` or newer. */
function exitUnlessSupportedNode(minimum) {
  const problem = nodeVersionProblem(process.versions.node, minimum, process.execPath);
  if (problem === null) return;
  process.stderr.write(problem + '\n');
  process.exit(1);
}

/** The minimum package.json's engines names, read beside this file (in the repository). */
function packageMinimum() {
  // CommonJS, and 'fs' without the node: prefix, so that any Node runs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const text = require('fs').readFileSync(__dirname + '/../package.json', 'utf8');
  return minimumOf(JSON.parse(text).engines.node);
}

module.exports = { exitUnlessSupportedNode, minimumOf, nodeVersionProblem, packageMinimum };

// `node scripts/require-node.cjs`: the check alone, for a script to run first.
if (require.main === module) exitUnlessSupportedNode(packageMinimum());
