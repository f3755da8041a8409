// `npm start`: the desktop app, opened on the bundled sample deal.
// Electron 45 fetches its binary on first launch. Where it cannot (a machine with no route to the download
// host), the same renderer is served as the web build on 127.0.0.1 instead, so `npm start` always shows the app.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinary() {
  try {
    return require('electron'); // resolves the binary's path, fetching it on first use
  } catch (err) {
    process.stderr.write(`Electron's binary is not available here (${err.message.split('\n')[0]}).\n`);
    return null;
  }
}

if (electronBinary()) {
  const built = run('npx', ['electron-vite', 'build']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  const app = spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write('Serving the workbench as a web app instead: open the address printed below.\n');
  const built = run('npx', ['vite', 'build', '--config', 'renderer/vite.web.config.ts']);
  if (built.status !== 0) process.exit(built.status ?? 1);
  const web = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'renderer/vite.web.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      '4173',
      '--strictPort',
    ],
    { stdio: 'inherit' },
  );
  web.on('exit', (code) => process.exit(code ?? 0));
}
