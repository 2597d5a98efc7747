// Edits one page, as a developer would, before the second build of the integration test.
const fs = require('node:fs');

const page = 'app/page.js';
fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('Greeting:', 'Edited greeting:'));
