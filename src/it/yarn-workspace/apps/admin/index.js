// Another app of the workspace: its own dependency only, none of the api's.
const fs = require('fs');
const http = require('http');
const path = require('path');

function absent(name) {
  try {
    require.resolve(name);
    return false;
  } catch (e) {
    return e.code === 'MODULE_NOT_FOUND';
  }
}

// kleur exports no ./package.json, so its manifest is read beside its main file.
function version(name) {
  const manifest = path.join(path.dirname(require.resolve(name)), 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}

http
  .createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        kleur: version('kleur'),
        bold: require('kleur').bold('x').length > 0,
        apiDependenciesAbsent: absent('debug') && absent('@acme/greet'),
      }),
    );
  })
  .listen(Number(process.env.PORT || 8080), '127.0.0.1');
