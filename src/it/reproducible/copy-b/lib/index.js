// Prints a duration, then serves nothing: only the image's bytes matter to this test.
const ms = require("ms");
console.log(ms(60000));
