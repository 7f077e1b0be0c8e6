// `npm start`: build, migrate, then run the api (serving the dashboard) and the workers until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, RELAIS_DEMO: process.env.RELAIS_DEMO ?? 'true', NODE_ENV: 'production' };
const port = env.PORT ?? '3000';

const step = (label, command, args) => {
  console.log(`relais: ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
};

step('building api, workers and dashboard', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'workers', 'web', '--outputStyle=static']);
step('migrating the database', 'node', ['dist/api/main.js', 'migrate']);

const children = [
  spawn('node', ['dist/api/main.js'], { stdio: 'inherit', env }),
  spawn('node', ['dist/workers/main.js'], { stdio: 'inherit', env }),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  console.log('\nrelais: stopping');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // A job in flight keeps a worker busy: after a grace period it is killed; its import's transaction rolls back
  // and the job is picked up again on the next start.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(code),
  );
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Announce once the api answers.
const started = Date.now();
const poll = setInterval(async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (!res.ok) return;
    clearInterval(poll);
    console.log(`\nrelais: ready in ${((Date.now() - started) / 1000).toFixed(1)} s → http://localhost:${port}`);
    if (env.RELAIS_DEMO === 'true') {
      console.log('relais: demo login admin@relais.local / relais-demo (also analyst@ and viewer@relais.local)');
      console.log('relais: demo data loads through an import job on first start; the chart fills when it succeeds');
    }
    console.log('relais: Ctrl-C stops everything\n');
  } catch {
    // not up yet
  }
}, 500);
