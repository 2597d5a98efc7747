// Fails the way a compiler does: a few lines of progress, then the error, then exit code 2.
for (let i = 1; i <= 20; i++) {
  console.log(`compiling module ${i} of 20`);
}
console.error("src/routes.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.");
console.error('Found 1 error in src/routes.ts:12');
process.exit(2);
