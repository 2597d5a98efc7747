// A Yarn 1 app: debug and its own dependency ms must resolve, the devDependency must not.
const http = require('http');

function absent(name) {
  try {
    require.resolve(name);
    return false;
  } catch (e) {
    return e.code === 'MODULE_NOT_FOUND';
  }
}

http
  .createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        debug: require('debug/package.json').version,
        ms: require('ms/package.json').version,
        humanized: require('ms')(120000),
        devDependencyAbsent: absent('kleur'),
        build: require('./build-info.json'),
        uid: process.getuid(),
        nodeEnv: process.env.NODE_ENV,
      }),
    );
  })
  .listen(Number(process.env.PORT || 8080), '127.0.0.1');
