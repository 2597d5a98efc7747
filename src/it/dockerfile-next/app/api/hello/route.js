import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const dynamic = 'force-dynamic';

function writable(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function GET() {
  return Response.json({
    hello: 'from a route handler',
    uid: process.getuid(),
    canWriteCache: writable(path.join(process.cwd(), '.next', 'cache')),
    canWriteApp: writable(process.cwd()),
    canWriteServerFiles: writable(path.join(process.cwd(), '.next', 'server')),
  });
}
