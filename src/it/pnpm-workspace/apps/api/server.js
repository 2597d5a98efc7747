// Answers with what it resolved: the workspace package, two versions of debug and of ms.
const http = require('http');
const path = require('path');
const greet = require('@acme/greet');
const debug = require('debug');

function absent(name) {
  try {
    require.resolve(name);
    return false;
  } catch (e) {
    return e.code === 'MODULE_NOT_FOUND';
  }
}

function report() {
  const debugDir = path.dirname(require.resolve('debug/package.json'));
  return {
    greeting: greet('api'),
    debug: require('debug/package.json').version,
    ms: require(require.resolve('ms/package.json', { paths: [debugDir] })).version,
    humanized: debug.humanize(90000),
    greet: greet.resolved(),
    build: require('./build-info.json'),
    otherAppDependencyAbsent: absent('kleur'),
  };
}

http
  .createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(report()));
  })
  .listen(Number(process.env.PORT || 8080), '127.0.0.1');
