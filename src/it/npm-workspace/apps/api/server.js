// Answers with what it resolved: the workspace package, two versions of debug and of ms.
const fs = require('fs');
const http = require('http');
const path = require('path');
const shared = require('@acme/shared');
const sharedResolved = require('@acme/shared/resolved');

function absent(name) {
  try {
    require.resolve(name);
    return false;
  } catch (e) {
    return e.code === 'MODULE_NOT_FOUND';
  }
}

function version(name) {
  const manifest = path.join(path.dirname(require.resolve(name)), 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}

function report() {
  const debugDir = path.dirname(require.resolve('debug/package.json'));
  return {
    greeting: shared.greet('api'),
    humanized: shared.humanize(90000),
    debug: require('debug/package.json').version,
    ms: require(require.resolve('ms/package.json', { paths: [debugDir] })).version,
    kleur: version('kleur'),
    shared: sharedResolved(),
    otherAppDependencyAbsent: absent('next') && absent('react'),
  };
}

http
  .createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(report()));
  })
  .listen(Number(process.env.PORT || 8080), '127.0.0.1');
