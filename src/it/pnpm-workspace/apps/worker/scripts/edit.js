// The second build's script: edits one source file of this app, as a developer would.
const fs = require('fs');
fs.appendFileSync('index.js', '// edited for the second build\n');
