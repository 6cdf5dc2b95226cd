// Bundle every Lambda handler (`constructs/**/handlers/<name>.ts`) with esbuild into
// `assets/handlers/<name>/index.js`. Handlers import only the AWS SDK v3 and node built-ins; the SDK
// is bundled too, so the deployed code does not depend on the SDK version of the Lambda runtime.
import { build } from 'esbuild';
import { readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function findHandlers(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      findHandlers(full, out);
    } else if (basename(dir) === 'handlers' && entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

const handlers = findHandlers(join(root, 'constructs'));
const names = new Set();
for (const file of handlers) {
  const name = basename(file, '.ts');
  if (names.has(name)) throw new Error(`duplicate handler name '${name}' (${file}); handler names must be unique`);
  names.add(name);
  const outdir = join(root, 'assets', 'handlers', name);
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    outfile: join(outdir, 'index.js'),
    logLevel: 'warning',
  });
}
console.log(`bundled ${handlers.length} handler(s): ${[...names].join(', ') || '(none)'}`);
