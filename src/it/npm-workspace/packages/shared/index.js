// The package both apps share; it needs debug 4, which needs ms 2.1.
const debug = require('debug');

exports.greet = (name) => `hello ${name} from @acme/shared`;
exports.humanize = (ms) => debug.humanize(ms);
