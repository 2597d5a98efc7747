import { createRequire } from 'node:module';
import path from 'node:path';

export const dynamic = 'force-dynamic';

// Resolves at run time from the working directory, as an unbundled require would.
export function GET() {
  const runtimeRequire = createRequire(path.join(process.cwd(), 'index.js'));
  let absent = false;
  try {
    runtimeRequire.resolve('kleur');
  } catch (e) {
    absent = e.code === 'MODULE_NOT_FOUND';
  }
  return Response.json({ apiDependencyAbsent: absent });
}
