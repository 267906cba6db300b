// Runs first in `npm start` and `npm test`, so the README's two commands work on a fresh machine.
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

/** Debian packages the local platform needs, by the file each one brings: the flag that asks for it, and why. */
const DEBIAN = [
  { flag: '--chromium', file: '/usr/bin/chromium', packages: ['chromium'], why: 'the browser tests drive headless Chromium' },
  { flag: '--sql', file: '/usr/sbin/mariadbd', packages: ['mariadb-server-core', 'mariadb-client-core'], why: 'Forge SQL runs locally on a private MariaDB server' },
];

const missing = DEBIAN.filter((d) => process.argv.includes(d.flag) && !existsSync(d.file));
if (missing.length > 0) {
  const packages = missing.flatMap((d) => d.packages).join(' ');
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`Installing Debian's ${packages} (${missing.map((d) => d.why).join('; ')})…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit', shell: '/bin/bash' });
  } else {
    console.error(`Missing Debian packages: ${packages} (${missing.map((d) => d.why).join('; ')}): sudo apt-get install ${packages}`);
    process.exit(1);
  }
}
