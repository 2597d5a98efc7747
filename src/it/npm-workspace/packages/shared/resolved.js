// What this package resolved: its debug, and the ms that debug resolved.
const path = require('path');

module.exports = () => {
  const debugDir = path.dirname(require.resolve('debug/package.json'));
  return {
    debug: require('debug/package.json').version,
    ms: require(require.resolve('ms/package.json', { paths: [debugDir] })).version,
  };
};
