// The build step: proves that `pnpm run build` ran in the app's folder.
require('fs').writeFileSync('build-info.json', JSON.stringify({ builtBy: 'pnpm run build' }));
