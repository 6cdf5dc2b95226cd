#!/usr/bin/env bash
# Pack smoke test: prove that the npm package works for a consumer, as `npm install` gives it to them.
#
# 1. `npm run build`, then `npm pack` into a temp dir; check the tarball's file list (no tests, no .ts
#    sources except .d.ts, no scratch/ or cdk.out/, no reference app, nothing stale, one bundle per
#    Lambda handler) and that the packaged JS requires only the peer dependencies and node built-ins.
# 2. Check the README's install command (the package is not on the registry, so the README installs
#    the packed tarball): it names the tarball `npm pack` wrote, and exactly our peer dependencies with
#    our peer ranges, which the pinned devDependency versions satisfy. Then create a consumer project
#    OUTSIDE the repo (mktemp -d), put the tarball where the README's relative path points from it,
#    and run the README's `npm install` there: its tarball path verbatim, the peers at the pinned
#    versions (so that it works offline, from the npm cache).
# 3. Type-check a consumer .ts file against the shipped .d.ts (our pinned tsc, no skipLibCheck).
# 4. Synthesize a plain-JS consumer app (an env-agnostic stack: SecurityBaseline + SecureBucket) and
#    assert the template has a CloudTrail trail, a GuardDuty detector and Lambda functions whose code
#    assets exist in the cloud assembly and are the handler bundles shipped in the tarball.
# 5. Run the installed CLI (`npx security-baseline`): help, version, exit codes 1 and 2.
#
# Usage: npm run smoke:pack   (offline: npm installs from its cache with --prefer-offline)
set -euo pipefail

started=$(date +%s)
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$work/" in
  "$repo"/*) echo "pack-smoke: temp dir $work is inside the repo; set TMPDIR elsewhere" >&2; exit 1 ;;
esac
mkdir -p "$work/pack" "$work/consumer"

# Seconds per step, for the summary.
timings=""
step_name=""
step_start=$started
step() {
  local now; now=$(date +%s)
  if [ -n "$step_name" ]; then timings="${timings:+$timings, }$step_name $((now - step_start))s"; fi
  step_name="$1"; step_start=$now
  printf '\n== pack-smoke: %s\n' "$2"
}

step build "build"
npm run build --silent

step pack "pack"
npm pack --ignore-scripts --pack-destination "$work/pack" --json --silent > "$work/pack.json"
mkdir -p "$work/unpacked"
tar -xzf "$work"/pack/*.tgz -C "$work/unpacked"

# Check the tarball contents; prints "<tarball> <size> <files>" for the summary.
pack_line=$(node - "$work/pack.json" "$work/pack" "$repo" "$work/unpacked/package" <<'EOF'
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');
const [packJson, packDir, repo, unpacked] = process.argv.slice(2);
const [info] = JSON.parse(fs.readFileSync(packJson, 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
// The file list is what the tarball really holds (extracted), not what we expect it to hold.
const files = [];
(function list(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) list(full);
    else files.push(path.relative(unpacked, full).split(path.sep).join('/'));
  }
})(unpacked);
const problems = [];

// No junk: tests, sources, scratch, synth output, the reference app (it needs devDependencies).
for (const f of files) {
  if (/(^|\/)(test|tests|__tests__|__snapshots__|scratch|cdk\.out|coverage|node_modules)\//.test(f)) problems.push(`junk path: ${f}`);
  if (/\.(test|spec)\.[cm]?[jt]s$/.test(f)) problems.push(`test file: ${f}`);
  if (/\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f)) problems.push(`TypeScript source: ${f}`);
  if (/\.(map|tsbuildinfo|snap)$/.test(f)) problems.push(`build by-product: ${f}`);
  // dist/bin holds the CLI and its evidence commands (shipped: package.json "bin") and the reference app (not shipped: it needs devDependencies).
  if (f.startsWith('dist/bin/') && !/^dist\/bin\/(cli|evidence)\.(js|d\.ts)$/.test(f)) problems.push(`reference app (needs devDependencies): ${f}`);
}

// Entry points and their types, and the CLI with its shebang.
for (const f of [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})]) {
  if (!files.includes(path.normalize(f))) problems.push(`missing entry point ${f}`);
}

// Every dist file comes from a current source (dist/ is not cleaned by the build, so a deleted source
// would otherwise ship a stale module), and every .js has its .d.ts.
for (const f of files.filter((x) => x.startsWith('dist/'))) {
  const src = f.replace(/^dist\//, '').replace(/\.d\.ts$|\.js$/, '.ts');
  if (!fs.existsSync(path.join(repo, src))) problems.push(`stale build output (no ${src}): ${f}`);
  if (f.endsWith('.js') && !files.includes(f.replace(/\.js$/, '.d.ts'))) problems.push(`no .d.ts for ${f}`);
}

// One bundle per Lambda handler source (constructs/**/handlers/<name>.ts), and no orphan bundle.
const handlers = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (path.basename(dir) === 'handlers' && /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) {
      handlers.push(e.name.replace(/\.ts$/, ''));
    }
  }
})(path.join(repo, 'constructs'));
for (const h of handlers) {
  if (!files.includes(`assets/handlers/${h}/index.js`)) problems.push(`missing handler bundle assets/handlers/${h}/index.js`);
}
for (const f of files.filter((x) => x.startsWith('assets/'))) {
  const m = /^assets\/handlers\/([^/]+)\/index\.js$/.exec(f);
  if (!m || !handlers.includes(m[1])) problems.push(`orphan asset (no handler source): ${f}`);
}

// The packaged JS may require only node built-ins, our declared (peer) dependencies and its own files.
const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
for (const f of files.filter((x) => x.startsWith('dist/') && x.endsWith('.js'))) {
  const code = fs.readFileSync(path.join(unpacked, f), 'utf8');
  for (const [, spec] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (spec.startsWith('.')) {
      const target = path.normalize(path.join(path.dirname(f), spec));
      if (!files.includes(`${target}.js`) && !files.includes(path.join(target, 'index.js'))) {
        problems.push(`${f} requires ${spec}, which is not in the tarball`);
      }
      continue;
    }
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!builtinModules.includes(spec.replace(/^node:/, '')) && !allowed.has(name)) {
      problems.push(`${f} requires '${spec}', which is not a dependency or peerDependency`);
    }
  }
}

for (const f of Object.values(pkg.bin ?? {})) {
  if (files.includes(path.normalize(f)) && !fs.readFileSync(path.join(unpacked, f), 'utf8').startsWith('#!/usr/bin/env node\n')) {
    problems.push(`bin ${f} does not start with #!/usr/bin/env node`);
  }
}

if (problems.length) {
  console.error(`pack-smoke: tarball ${info.filename} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(path.join(packDir, info.filename), info.size, files.length);
EOF
)
read -r tarball tarball_size tarball_files <<< "$pack_line"
echo "tarball ok: $(basename "$tarball"), $tarball_size bytes, $tarball_files files"

step readme "check the README's install command against the tarball"
# Prints the README's tarball path (relative to the consumer project), then the pinned peer specs.
readme_install=$(node - "$repo" "$(basename "$tarball")" <<'EOF'
const fs = require('fs');
const path = require('path');
const [repo, packed] = process.argv.slice(2);
const semver = require(path.join(repo, 'node_modules', 'semver'));
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const problems = [];
if (/^npm install cdk-security-baseline\b/m.test(readme)) {
  problems.push('README installs cdk-security-baseline from the registry, where it is not published');
}
const lines = readme
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^npm install \S+\.tgz\b/.test(l));
if (lines.length !== 1) problems.push(`README must have exactly one 'npm install <tarball>.tgz ...' line, found ${lines.length}`);
const [tgz, ...peers] = (lines[0] ?? '').split(/\s+/).slice(2);
if (tgz && path.basename(tgz) !== packed) problems.push(`README installs ${path.basename(tgz)}, but npm pack wrote ${packed}`);
const want = pkg.peerDependencies ?? {};
const given = Object.fromEntries(peers.map((p) => [p.slice(0, p.lastIndexOf('@')), p.slice(p.lastIndexOf('@') + 1)]));
if (JSON.stringify(Object.keys(given).sort()) !== JSON.stringify(Object.keys(want).sort())) {
  problems.push(`README installs ${JSON.stringify(Object.keys(given))} next to the tarball; the peer dependencies are ${JSON.stringify(Object.keys(want))}`);
}
const pinned = [];
for (const [name, range] of Object.entries(want)) {
  if (given[name] !== undefined && given[name] !== range) problems.push(`README installs ${name}@${given[name]}; package.json's peer range is ${range}`);
  const version = pkg.devDependencies[name];
  if (!semver.satisfies(version, range)) problems.push(`pinned ${name}@${version} does not satisfy the peer range ${range}`);
  pinned.push(`${name}@${version}`);
}
if (problems.length) {
  console.error(`pack-smoke: README install command has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log([tgz, ...pinned].join(' '));
EOF
)
read -r readme_tgz readme_peers <<< "$readme_install"
echo "README installs $readme_tgz with its peers (pinned here: $readme_peers)"

step install "install into a consumer project outside the repo ($work/consumer), as the README says"
readme_tgz_abs="$(cd "$work/consumer" && realpath -m "$readme_tgz")"
case "$readme_tgz_abs" in
  "$work"/*) ;;
  *) echo "pack-smoke: the README's tarball path $readme_tgz leaves the temp dir" >&2; exit 1 ;;
esac
mkdir -p "$(dirname "$readme_tgz_abs")"
cp "$tarball" "$readme_tgz_abs"
cd "$work/consumer"
cat > package.json <<'EOF'
{ "name": "pack-smoke-consumer", "version": "0.0.0", "private": true, "license": "UNLICENSED" }
EOF
# shellcheck disable=SC2086 # the peer specs are separate words
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$readme_tgz" $readme_peers

step tsc "type-check a consumer .ts against the shipped .d.ts (typescript $(node -p "require('$repo/node_modules/typescript/package.json').version"))"
cat > consumer.ts <<'EOF'
import { App, Stack } from 'aws-cdk-lib';
import { AuditTrail, Bastion, DataKey, SecureBucket, SecurityBaseline, SegmentedVpc } from 'cdk-security-baseline';

const app = new App();
const stack = new Stack(app, 'Consumer');
const baseline: SecurityBaseline = new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'] });
const bucket: SecureBucket = new SecureBucket(stack, 'Bucket');
const parts: [AuditTrail | undefined, SegmentedVpc | undefined, Bastion | undefined] = [baseline.auditTrail, baseline.vpc, baseline.bastion];
const keyType: typeof DataKey = DataKey;
export { bucket, parts, keyType };
EOF
# @types/node comes from the repo (aws-cdk-lib's .d.ts reference it); everything else resolves in the consumer.
"$repo/node_modules/.bin/tsc" --noEmit --strict --target ES2022 --module commonjs --moduleResolution node \
  --esModuleInterop --typeRoots "$repo/node_modules/@types" --types node consumer.ts
echo "consumer.ts type-checks"

step synth "synthesize a consumer app (env-agnostic stacks) and check the assembly"
cat > app.js <<'EOF'
const fs = require('fs');
const path = require('path');
const { App, Stack } = require('aws-cdk-lib');
const { SecurityBaseline, SecureBucket } = require('cdk-security-baseline');
// The exports map keeps internals private: a deep require must fail.
try { require('cdk-security-baseline/dist/constructs/network/private/cidr'); throw new Error('deep require of a dist internal loaded'); } catch (e) { if (e.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e; }

const outdir = process.argv[2];
const app = new App({ outdir });
const stack = new Stack(app, 'Consumer'); // no env: no account, no region, no lookups
new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'] });
new SecureBucket(stack, 'Bucket');
const assembly = app.synth();
// A second app (a baseline is one per account and Region) turns on the opt-in parts, so that every
// shipped handler bundle is used.
const optInOutdir = `${outdir}-opt-in`;
const optInApp = new App({ outdir: optInOutdir });
new SecurityBaseline(new Stack(optInApp, 'ConsumerOptIn'), 'Baseline', {
  alertEmails: ['secops@example.com'], inspector: true, evidenceCollector: true, network: false,
});
const optInAssembly = optInApp.synth();

const artifact = assembly.getStackByName('Consumer');
const template = artifact.template;
const resources = Object.values(template.Resources);
const ofType = (type) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const problems = [];

// The package really is the installed tarball, not the repo.
const pkgDir = path.dirname(require.resolve('cdk-security-baseline/package.json'));
if (!pkgDir.startsWith(path.resolve('node_modules'))) problems.push(`cdk-security-baseline resolved outside the consumer: ${pkgDir}`);

for (const type of ['AWS::CloudTrail::Trail', 'AWS::GuardDuty::Detector', 'AWS::S3::Bucket', 'AWS::EC2::VPC']) {
  if (ofType(type).length === 0) problems.push(`no ${type} in the template`);
}

// Env-agnostic SegmentedVpc: two AZs chosen by CloudFormation (Fn::GetAZs), never looked up.
const azs = new Set();
for (const [id, subnet] of ofType('AWS::EC2::Subnet')) {
  const az = JSON.stringify(subnet.Properties.AvailabilityZone);
  if (!az.includes('Fn::GetAZs')) problems.push(`subnet ${id} AvailabilityZone is not Fn::GetAZs-based: ${az}`);
  azs.add(az);
}
if (azs.size !== 2) problems.push(`expected 2 Availability Zones in an env-agnostic stack, got ${azs.size}`);

// Every Lambda function's code is a file asset present in the cloud assembly; every handler bundle the
// package ships (assets/handlers/<name>/index.js from the tarball) is one of them, byte for byte.
const bundles = {};
for (const name of fs.readdirSync(path.join(pkgDir, 'assets', 'handlers'))) {
  bundles[name] = fs.readFileSync(path.join(pkgDir, 'assets', 'handlers', name, 'index.js'), 'utf8');
}
const used = new Set();
let functionCount = 0;
for (const [stackName, asm] of [['Consumer', assembly], ['ConsumerOptIn', optInAssembly]]) {
  const tpl = asm.getStackByName(stackName).template;
  const manifest = JSON.parse(fs.readFileSync(path.join(asm.directory, `${stackName}.assets.json`), 'utf8'));
  const functions = Object.entries(tpl.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
  if (functions.length === 0) problems.push(`${stackName}: no AWS::Lambda::Function in the template`);
  functionCount += stackName === 'Consumer' ? functions.length : 0;
  for (const [id, fn] of functions) {
    const code = fn.Properties.Code ?? {};
    if (code.ZipFile !== undefined) continue; // inline code has no asset
    const hash = /^([0-9a-f]{64})\.zip$/.exec(code.S3Key ?? '')?.[1];
    const asset = hash && manifest.files[hash];
    if (!asset) { problems.push(`${stackName}/${id}: code ${JSON.stringify(code)} is not a file asset of the assembly`); continue; }
    const dir = path.join(asm.directory, asset.source.path);
    if (!fs.existsSync(dir)) { problems.push(`${stackName}/${id}: asset ${asset.source.path} missing from the assembly`); continue; }
    const index = path.join(dir, 'index.js');
    if (!fs.existsSync(index)) continue; // e.g. an aws-cdk-lib provider
    const text = fs.readFileSync(index, 'utf8');
    for (const [name, bundle] of Object.entries(bundles)) if (bundle === text) used.add(name);
  }
}
for (const name of Object.keys(bundles)) {
  if (!used.has(name)) problems.push(`no Lambda function uses the shipped handler bundle '${name}'`);
}

if (problems.length) {
  console.error(`pack-smoke: consumer synth has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const count = (type) => ofType(type).length;
console.log(`stack Consumer: ${resources.length} resources (trails ${count('AWS::CloudTrail::Trail')}, ` +
  `GuardDuty detectors ${count('AWS::GuardDuty::Detector')}, buckets ${count('AWS::S3::Bucket')}, ` +
  `Lambda functions ${functionCount}), ${azs.size} AZs via Fn::GetAZs; ` +
  `handler bundles found in the assembly: ${[...used].sort().join(', ')}`);
EOF
synth_summary=$(CDK_VALIDATION=false node app.js "$work/consumer/cdk.out")
echo "$synth_summary"

step cli "run the installed CLI (npx security-baseline) in the consumer"
npx --no-install security-baseline --help > cli-help.txt
grep -q 'Usage: security-baseline' cli-help.txt
npx --no-install security-baseline --version | grep -qx "$(node -p "require('$repo/package.json').version")"
printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' > bucket.yaml
set +e
npx --no-install security-baseline check bucket.yaml --format sarif --output bucket.sarif; cli_fail=$?
npx --no-install security-baseline check missing.yaml 2> cli-error.txt; cli_bad=$?
set -e
if [ "$cli_fail" != 1 ] || [ "$cli_bad" != 2 ] || ! grep -q '"version": "2.1.0"' bucket.sarif || [ "$(wc -l < cli-error.txt)" != 1 ]; then
  echo "pack-smoke: CLI exit codes $cli_fail (want 1) and $cli_bad (want 2), or its SARIF/error output, are wrong" >&2; exit 1
fi
echo "security-baseline: --help, --version, exit 1 on a finding (SARIF written), exit 2 with one error line on bad input"

cd "$repo"
step done "done"
elapsed=$(( $(date +%s) - started ))
printf '\npack-smoke OK in %ss (%s)\n  tarball: %s, %s bytes, %s files\n  consumer synth: %s\n' \
  "$elapsed" "$timings" "$(basename "$tarball")" "$tarball_size" "$tarball_files" "$synth_summary"
