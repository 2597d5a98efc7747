// Holds `npm ci` in the project's postinstall step while HOLD_INSTALL names a file: the
// integration test writes this process's id there, then stops Maven while npm waits. Without
// the variable the install goes on at once.
const file = process.env.HOLD_INSTALL;
if (file) {
  require("fs").writeFileSync(file, String(process.pid));
  setTimeout(() => {}, 120000);
}
