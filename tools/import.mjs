// `npm run import -- --format F --file PATH [...]` (or `-- --formats`, `-- --help`): builds the workers when needed
// and enqueues an import, or lists the formats the build knows.
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['nx', 'run', 'workers:build', '--outputStyle=static'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const { status } = spawnSync('node', ['dist/workers/main.js', 'import', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
