// Bundle the Lambda handlers once before the suite, exactly as `npm run build` does, so constructs
// that ship a handler can synthesize from source.
//
// Every App a test synthesizes without an outdir writes a cdk.out under os.tmpdir(). The run gets one
// temp root of its own, as TMPDIR for the workers (they inherit this process's environment), and
// global-teardown.js removes it: `npm test` leaves no cdk.out folders behind.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'bundle-handlers.mjs')], {
    stdio: 'inherit',
  });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csb-jest-'));
  process.env.CSB_TEST_TMP_ROOT = root;
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  // The AWS SDK warns once per process that its 2027 releases need Node 22; the tests run the real
  // clients in many processes, so the same notice would print a block per worker and per CLI run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
};
