// `npm test` drives Debian's Chromium (playwright-core, never a browser download) for the HTML report
// test. On a fresh machine it is not installed yet: install it from Debian's packages when we can (root),
// or say exactly what to run.
const { execSync } = require('child_process');
const fs = require('fs');

const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  if (process.getuid && process.getuid() === 0) {
    console.log('Chromium is missing: installing Debian\'s chromium package for the HTML report test');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`${CHROMIUM} is missing; the HTML report test needs it: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
