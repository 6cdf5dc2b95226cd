// Bundle the Lambda handlers once before the suite, exactly as `npm run build` does, so constructs
// that ship a handler can synthesize from source.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'bundle-handlers.mjs')], {
    stdio: 'inherit',
  });
};
