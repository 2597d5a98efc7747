// A shared workspace package with a third-party dependency (debug 4, which needs ms 2.1).
const path = require('path');
const debug = require('debug');

/** What this package resolved: its debug, and the ms that debug resolved. */
function resolved() {
  const debugDir = path.dirname(require.resolve('debug/package.json'));
  return {
    debug: require('debug/package.json').version,
    ms: require(require.resolve('ms/package.json', { paths: [debugDir] })).version,
    humanized: debug.humanize(90000),
  };
}

module.exports = (name) => `hello ${name} from @acme/greet`;
module.exports.resolved = resolved;
