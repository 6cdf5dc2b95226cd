import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * Folder that holds the esbuild bundles of our Lambda handlers.
 *
 * `scripts/bundle-handlers.mjs` writes one folder per handler (`assets/handlers/<name>/index.js`) at
 * the package root at build time, so consumers need no bundler at synth time. This file lives in
 * `lib/` when run from source and in `dist/lib/` when run from the package, so we walk up to the
 * package root.
 */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cdk-security-baseline: package root not found above ${__dirname}`);
    }
    dir = parent;
  }
  return dir;
}

/** Path of a bundled handler folder (contains `index.js`). */
export function handlerAssetPath(name: string): string {
  const dir = path.join(packageRoot(), 'assets', 'handlers', name);
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    throw new Error(
      `cdk-security-baseline: handler bundle '${name}' is missing at ${dir}; run 'npm run build' ` +
        '(scripts/bundle-handlers.mjs) to bundle the Lambda handlers',
    );
  }
  return dir;
}

/** Lambda code for a bundled handler. The handler entry point is `index.handler`. */
export function handlerCode(name: string): lambda.Code {
  return lambda.Code.fromAsset(handlerAssetPath(name));
}
