// The build step: proves that `yarn run build` ran in the app's folder.
require('fs').writeFileSync('build-info.json', JSON.stringify({ builtBy: 'yarn run build' }));
