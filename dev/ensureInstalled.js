// Runs before `npm start` and `npm test`, so the README's two commands work on a fresh machine.
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing the npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

if (process.argv.includes('--chromium') && !existsSync('/usr/bin/chromium')) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log("Installing Debian's chromium for the browser tests…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
  } else {
    console.error("The browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium");
    process.exit(1);
  }
}
