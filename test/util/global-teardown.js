// Remove the run's temp root (see global-setup.js), with every cdk.out the tests synthesized into it.
const fs = require('fs');

module.exports = async () => {
  const root = process.env.CSB_TEST_TMP_ROOT;
  if (root && /csb-jest-/.test(root)) fs.rmSync(root, { recursive: true, force: true });
};
