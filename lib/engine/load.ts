import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { TemplateInput } from './template-set';
import { isPlainObject } from './values';

/**
 * Bad input to the loader: a path that cannot be read, a file that is not valid JSON or YAML, or a
 * document that is not a CloudFormation template.
 *
 * The message is one line, `<file>[:<line>[:<column>]]: <problem>`, so a CLI can print it as is.
 */
export class InputError extends Error {
  /** The file (or folder) at fault, as the caller named it. */
  public readonly file: string;
  /** What is wrong, in one sentence. */
  public readonly problem: string;
  /** 1-based line where the problem is, when the parser knows it. */
  public readonly line?: number;
  /** 1-based column, when the parser knows it. */
  public readonly column?: number;

  constructor(file: string, problem: string, line?: number, column?: number) {
    const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    const oneLine = problem.replace(/\s*\n\s*/g, ' ').trim();
    super(`${where}: ${oneLine}`);
    this.name = 'InputError';
    this.file = file;
    this.problem = oneLine;
    this.line = line;
    this.column = column;
  }
}

/** Options of `loadTemplates`. */
export interface LoadOptions {
  /**
   * Called with a short progress message ("loading 50 templates") once the files are known.
   * @default - silent
   */
  readonly progress?: (message: string) => void;
}

/**
 * Metadata key the loader sets on a resource it found inside an `Fn::ForEach` loop that it could not
 * expand (the collection is known only at deploy time). The resource is kept once, with its
 * `${Identifier}` placeholders and `Ref: Identifier` left as written, so any property that depends on
 * the loop's value resolves to unresolved and fails closed; the rest of the resource is judged as is.
 */
export const UNEXPANDED_LOOP_METADATA_KEY = 'cdk-security-baseline:unexpanded-loop';

/** File extensions read as templates. */
export const TEMPLATE_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml', '.template'];

/**
 * Load templates for the engine from files and folders.
 *
 * Each path is one of:
 * - a cloud assembly (`cdk.out`, a folder with `manifest.json`): every stack artifact, with its
 *   display name and environment, the stacks of nested assemblies (Stages), and the nested stack
 *   templates (`*.nested.template.json`) of each assembly folder;
 * - a template file (`.json`, `.yaml`, `.yml`, `.template`);
 * - a folder of templates, searched recursively (skipping `node_modules` and dot folders; a cloud
 *   assembly inside is read as one). Files that are plainly not templates (no `Resources`,
 *   `AWSTemplateFormatVersion` or `Transform` in their text) are skipped; anything else that does not
 *   parse is an error, because a template that cannot be read cannot be judged (fail closed).
 *
 * YAML short forms (`!Ref`, `!GetAtt`, `!Sub`, ...) become their long forms, `Fn::ForEach` loops
 * (`AWS::LanguageExtensions`) are expanded where their collection is known, and each resource's source
 * line is recorded. Throws `InputError` on bad input.
 */
export function loadTemplates(paths: readonly string[], options: LoadOptions = {}): TemplateInput[] {
  if (paths.length === 0) throw new InputError('(no path)', 'give at least one template file, template folder or cdk.out folder');
  const seen = new Set<string>();
  const found = paths.flatMap(discover).filter((f) => {
    const key = `${f.kind === 'folder' ? 'folder' : 'file'}:${path.resolve(f.file)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const files = found.filter((f) => f.kind !== 'folder');
  options.progress?.(`loading ${files.length} template${files.length === 1 ? '' : 's'}`);

  const loaded: { found: Found; input: TemplateInput }[] = [];
  for (const f of files) {
    const text = readText(f.file);
    if (f.kind === 'scanned' && !looksLikeTemplate(text)) continue;
    const parsed = parseTemplate(text, f.file, { skipNonTemplate: f.kind === 'scanned', fromAssembly: f.kind === 'stack' || f.kind === 'nested' });
    if (!parsed) continue;
    const input: TemplateInput = { path: f.file, template: parsed.template, lines: parsed.lines, ...f.stack };
    loaded.push({ found: f, input });
  }
  for (const f of found.filter((x) => x.kind === 'folder')) {
    if (!loaded.some((l) => isInside(l.input.path, f.file))) {
      throw new InputError(f.file, `no CloudFormation templates found in the folder (looked for ${TEMPLATE_EXTENSIONS.join(', ')} files)`);
    }
  }
  // Nested stacks come after their assembly's stacks: a nested stack's parent is found among those before it.
  const inputs: TemplateInput[] = [];
  for (const { found: f, input } of loaded) inputs.push(f.kind === 'nested' ? withParent(input, inputs) : input);
  return inputs;
}

/** Load one template file (JSON or YAML). */
export function loadTemplateFile(file: string): TemplateInput {
  const parsed = parseTemplate(readText(file), file)!;
  return { path: file, template: parsed.template, lines: parsed.lines };
}

/**
 * Parse template text: JSON for `.json`, YAML for `.yaml`/`.yml`, and by its first character
 * otherwise. Returns the template with YAML short forms in long form and `Fn::ForEach` expanded, and the
 * source line of each resource's logical id.
 *
 * @param options.skipNonTemplate return `undefined` instead of throwing when the document is valid but not a template
 * @param options.fromAssembly the file is a stack artifact of a cloud assembly: any map is a template
 */
export function parseTemplate(
  text: string,
  file: string,
  options: { readonly skipNonTemplate?: boolean; readonly fromAssembly?: boolean } = {},
): { template: Record<string, unknown>; lines: Record<string, number> } | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const ext = path.extname(file).toLowerCase();
  const asJson = ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && body.trimStart().startsWith('{'));
  const keyLines = new WeakMap<object, Record<string, number>>();
  const value = asJson ? parseJson(body, file, keyLines) : parseYaml(body, file, keyLines);

  // A stack artifact of a cloud assembly is a template by the manifest's word (an empty CDK stack has
  // only Parameters and Rules); anything else must look like one.
  const problem = options.fromAssembly && isPlainObject(value) ? undefined : notATemplate(value);
  if (problem) {
    if (options.skipNonTemplate) return undefined;
    throw new InputError(file, `not a CloudFormation template: ${problem}`);
  }
  const template = value as Record<string, unknown>;
  const rootLines = keyLines.get(template) ?? {};
  if (template.Resources !== undefined && template.Resources !== null && !isPlainObject(template.Resources)) {
    throw new InputError(file, `Resources must be a map of logical id to resource, got ${kindOf(template.Resources)}`, rootLines.Resources);
  }

  // Expanding copies the template; a template whose text has no loop is used as parsed.
  const out: Record<string, unknown> = { ...template };
  if (body.includes(FOREACH)) {
    const expander = new LoopExpander(file, template, keyLines);
    for (const section of ['Conditions', 'Resources', 'Outputs']) {
      if (isPlainObject(template[section])) out[section] = expander.expandMap(template[section], section === 'Resources');
    }
  }
  const resources = isPlainObject(out.Resources) ? out.Resources : {};
  const lines = keyLines.get(resources) ?? {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource.Type !== 'string') {
      throw new InputError(file, `resource ${id} must be a map with a Type, got ${isPlainObject(resource) ? 'no Type' : kindOf(resource)}`, lines[id]);
    }
  }
  return { template: out, lines: { ...lines } };
}

// ---------------------------------------------------------------------------------------------------
// Discovery

interface Found {
  readonly file: string;
  /**
   * `file`: a template the caller named; `scanned`: a file found in a folder (skipped when it is not a
   * template); `stack`: a stack artifact of a cloud assembly; `nested`: a nested stack template of a cloud
   * assembly; `folder`: a folder the caller named (it must hold at least one template).
   */
  readonly kind: 'file' | 'scanned' | 'stack' | 'nested' | 'folder';
  /** Name and environment, for a stack artifact. */
  readonly stack?: { readonly stackName: string; readonly account?: string; readonly region?: string };
}

function discover(p: string): Found[] {
  const stat = statOf(p);
  if (stat.isDirectory()) {
    if (isCloudAssembly(p)) return discoverAssembly(p);
    return [{ file: p, kind: 'folder' }, ...scanFolder(p)];
  }
  const ext = path.extname(p).toLowerCase();
  if (!TEMPLATE_EXTENSIONS.includes(ext)) {
    throw new InputError(p, `not a template file: expected a ${TEMPLATE_EXTENSIONS.join(', ')} file, a folder of templates or a cdk.out folder`);
  }
  return [{ file: p, kind: 'file' }];
}

function scanFolder(dir: string): Found[] {
  const out: Found[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw ioError(dir, e);
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      if (isCloudAssembly(full)) out.push(...discoverAssembly(full));
      else out.push(...scanFolder(full));
    } else if (e.isFile() && TEMPLATE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
      out.push({ file: full, kind: 'scanned' });
    }
  }
  return out;
}

/**
 * A folder is a cloud assembly when its `manifest.json` has an `artifacts` map (a web app's or a browser
 * extension's `manifest.json` has none, so that folder is searched for templates like any other).
 */
function isCloudAssembly(dir: string): boolean {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) return false;
  const text = readText(file);
  if (!/"artifacts"\s*:/.test(text)) return false;
  try {
    return isPlainObject((JSON.parse(text) as Record<string, unknown>)?.artifacts);
  } catch {
    return true; // a broken cloud assembly manifest: discoverAssembly reports it with its line
  }
}

/** A cheap pre-filter for folder scans: a template names at least one of its top-level sections. */
function looksLikeTemplate(text: string): boolean {
  return /Resources|AWSTemplateFormatVersion|Transform/.test(text);
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

// ---------------------------------------------------------------------------------------------------
// Cloud assembly (cdk.out)

/**
 * Stack templates of a cloud assembly, recursing into nested assemblies (Stages), then the nested stack
 * templates (`*.nested.template.json`) of each assembly folder.
 *
 * @see https://github.com/aws/aws-cdk-cli/tree/main/packages/%40aws-cdk/cloud-assembly-schema (manifest.json schema)
 */
function discoverAssembly(dir: string, depth = 0): Found[] {
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = parseJson(readText(manifestPath), manifestPath, new WeakMap());
  if (!isPlainObject(manifest) || (manifest.artifacts !== undefined && !isPlainObject(manifest.artifacts))) {
    throw new InputError(manifestPath, 'not a cloud assembly manifest: expected a map with "artifacts"');
  }
  if (depth > 16) throw new InputError(manifestPath, 'nested cloud assemblies are more than 16 levels deep');
  const out: Found[] = [];
  for (const [id, artifact] of Object.entries((manifest.artifacts ?? {}) as Record<string, any>)) {
    if (!isPlainObject(artifact)) continue;
    const props = isPlainObject(artifact.properties) ? (artifact.properties as Record<string, any>) : {};
    if (artifact.type === 'aws:cloudformation:stack') {
      if (typeof props.templateFile !== 'string') {
        throw new InputError(manifestPath, `stack artifact ${id} has no properties.templateFile`);
      }
      // The display name is the stack's construct path (`Prod/Api` for a Stage's stack): unique in the
      // app, and what the policy plugin gets at synth (`stackConstructPath`).
      const stackName = typeof artifact.displayName === 'string' ? artifact.displayName : typeof props.stackName === 'string' ? props.stackName : id;
      out.push({ file: path.join(dir, props.templateFile), kind: 'stack', stack: { stackName, ...parseEnvironment(artifact.environment) } });
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      out.push(...discoverAssembly(path.join(dir, props.directoryName), depth + 1));
    }
  }
  const stackFiles = new Set(out.map((f) => path.resolve(f.file)));
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.nested.template.json')).sort()) {
    const file = path.join(dir, name);
    if (!stackFiles.has(path.resolve(file))) out.push({ file, kind: 'nested' });
  }
  return out;
}

/**
 * A nested stack template with its parent's name and environment. CDK writes each nested stack as a
 * `<id>.nested.template.json` file asset; the parent's `AWS::CloudFormation::Stack` points at it with
 * `aws:asset:path` metadata (when asset metadata is on, as under `cdk synth`) and always through its
 * `TemplateURL`, which ends in the asset's hash (the key of the asset in `<stack>.assets.json`).
 */
function withParent(nested: TemplateInput, all: readonly TemplateInput[]): TemplateInput {
  const name = path.basename(nested.path);
  const own = name.replace(/\.nested\.template\.json$/, '');
  const hashes = assetHashes(path.dirname(nested.path), name);
  for (const parent of all) {
    if (parent === nested || path.dirname(parent.path) !== path.dirname(nested.path)) continue;
    const resource = nestedStackResource(parent.template, name, hashes);
    if (!resource) continue;
    // The nested stack's construct path: its resource sits at `<stack>/<id>.NestedStack/<id>.NestedStackResource`.
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    const parentName = parent.stackName ?? path.basename(parent.path).replace(/\.template\.json$|\.json$/, '');
    const stackName = typeof cdkPath === 'string' && cdkPath.includes('.NestedStack/') ? cdkPath.replace(/\.NestedStack\/.*$/, '') : `${parentName}/${own}`;
    return { ...nested, stackName, account: parent.account, region: parent.region };
  }
  return { ...nested, stackName: own };
}

/** Hashes under which the assembly's asset manifests (`*.assets.json`) hold a file. */
function assetHashes(dir: string, file: string): string[] {
  const hashes: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.assets.json'))) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      for (const [hash, asset] of Object.entries<any>(manifest?.files ?? {})) {
        if (asset?.source?.path === file) hashes.push(hash);
      }
    } catch {
      // An unreadable asset manifest only costs the nested stack its parent's name: it is still judged.
    }
  }
  return hashes;
}

function nestedStackResource(template: unknown, assetPath: string, hashes: readonly string[]): Record<string, any> | undefined {
  const resources = isPlainObject(template) && isPlainObject(template.Resources) ? template.Resources : {};
  return Object.values(resources).find((r: any) => {
    if (r?.Type !== 'AWS::CloudFormation::Stack') return false;
    if (r?.Metadata?.['aws:asset:path'] === assetPath) return true;
    const url = JSON.stringify(r?.Properties?.TemplateURL ?? '');
    return hashes.some((h) => url.includes(h));
  }) as Record<string, any> | undefined;
}

/** `aws://123456789012/eu-west-1` -> account and region; `unknown-account`/`unknown-region` are left out. */
function parseEnvironment(env: unknown): { account?: string; region?: string } {
  const m = typeof env === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(env) : null;
  if (!m) return {};
  return {
    ...(m[1] !== 'unknown-account' ? { account: m[1] } : {}),
    ...(m[2] !== 'unknown-region' ? { region: m[2] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Files

function statOf(p: string): fs.Stats {
  try {
    return fs.statSync(p);
  } catch (e) {
    throw ioError(p, e);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw ioError(file, e);
  }
}

function ioError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT' ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied (cannot read it)'
        : code === 'EISDIR' ? 'is a folder, expected a file'
          : `cannot read it (${(e as Error).message})`;
  return new InputError(file, problem);
}

// ---------------------------------------------------------------------------------------------------
// JSON

/**
 * `JSON.parse` (fast, exact), plus a scan for the line of each key of the top-level `Resources` map,
 * recorded in `keyLines` for that object.
 */
function parseJson(text: string, file: string, keyLines: WeakMap<object, Record<string, number>>): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's messages (and whether they carry a position) change between Node versions: find the first
    // error ourselves, so the message and its line are the same everywhere.
    const found = jsonSyntaxError(text) ?? { offset: text.length, problem: (e as Error).message };
    const { line, column } = positionOf(text, found.offset);
    throw new InputError(file, `invalid JSON: ${found.problem}`, line, column);
  }
  if (isPlainObject(value) && isPlainObject(value.Resources)) keyLines.set(value.Resources, jsonResourceLines(text));
  return value;
}

/** Line of each key of the top-level `Resources` object in JSON text (assumed valid). */
function jsonResourceLines(text: string): Record<string, number> {
  const lines: Record<string, number> = {};
  let line = 1;
  let depth = 0;
  let resourcesDepth = -1;
  let expectResources = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      depth++;
      if (expectResources && c === '{' && depth === 2) resourcesDepth = depth;
      expectResources = false;
    } else if (c === '}' || c === ']') {
      if (depth === resourcesDepth) resourcesDepth = -1;
      depth--;
    } else if (c === '"') {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        if (escaped) escaped = false;
        else if (text[i] === '\\') escaped = true;
        else if (text[i] === '"') break;
      }
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== ':') continue;
      const raw = text.slice(start, i + 1);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (depth === 1 && key === 'Resources') expectResources = true;
      else if (depth === resourcesDepth) lines[key] = line;
    }
  }
  return lines;
}

/**
 * The first syntax error of JSON text (RFC 8259), as an offset and a short problem, or undefined when
 * the text is valid. Only called after `JSON.parse` failed.
 */
function jsonSyntaxError(text: string): { offset: number; problem: string } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (problem: string): never => {
    throw { offset: i, problem };
  };
  const what = () => (i >= text.length ? 'end of input' : `${JSON.stringify(text[i])}`);
  const str = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character inside a string (a line break? escape it as \\n)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in a string');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail(`bad escape \\${text[i] ?? ''} in a string`);
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const val = (depth: number): void => {
    if (depth > 512) fail('nesting is too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted key, got ${what()}`);
        str();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a key, got ${what()}`);
        i++;
        val(depth + 1);
        ws();
        if (text[i] === ',') { i++; ws(); if (text[i] === '}') fail("trailing comma before '}'"); continue; }
        if (text[i] === '}') { i++; return; }
        fail(`expected ',' or '}', got ${what()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        val(depth + 1);
        ws();
        if (text[i] === ',') { i++; ws(); if (text[i] === ']') fail("trailing comma before ']'"); continue; }
        if (text[i] === ']') { i++; return; }
        fail(`expected ',' or ']', got ${what()}`);
      }
    }
    if (c === '"') return str();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) fail(`unexpected ${what()}`);
    i += literal![0].length;
  };
  try {
    val(0);
    ws();
    if (i < text.length) fail(`unexpected ${what()} after the end of the document`);
    return undefined;
  } catch (e) {
    if (e && typeof (e as any).offset === 'number') return e as { offset: number; problem: string };
    throw e;
  }
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

// ---------------------------------------------------------------------------------------------------
// YAML

/**
 * CloudFormation's YAML short forms and the long form each becomes. `!GetAtt A.B` also becomes the list
 * form; `!Ref` and `!Condition` keep their names.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/rules-section-structure.html (rule functions)
 */
const SHORT_FORMS: Readonly<Record<string, string>> = Object.fromEntries([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...[
    'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
    'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString',
    'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
  ].map((name) => [name, `Fn::${name}`]),
].map(([short, long]) => [`!${short}`, long]));

function parseYaml(text: string, file: string, keyLines: WeakMap<object, Record<string, number>>): unknown {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(file, `invalid YAML: ${reason}`, e.linePos?.[0].line, e.linePos?.[0].col);
  }
  // Aliases are expanded by copying, so a few nested ones can blow up (the "billion laughs"): cap them.
  let aliases = 0;
  const toJs = (node: unknown, depth: number): unknown => {
    if (depth > 256) throw new InputError(file, 'YAML nesting is too deep (aliases that refer to themselves?)');
    if (node === null || node === undefined) return null;
    if (YAML.isAlias(node)) {
      if (++aliases > 1000) throw new InputError(file, 'more than 1000 YAML alias expansions (CloudFormation does not support aliases)');
      return toJs(node.resolve(doc), depth + 1);
    }
    let value: unknown;
    if (YAML.isMap(node)) {
      const obj: Record<string, unknown> = {};
      const lines: Record<string, number> = {};
      for (const pair of node.items) {
        const key = keyText(pair.key, text);
        setKey(obj, key, toJs(pair.value, depth + 1));
        const start = (pair.key as YAML.Node | null)?.range?.[0];
        if (start !== undefined) lines[key] = lineCounter.linePos(start).line;
      }
      keyLines.set(obj, lines);
      value = obj;
    } else if (YAML.isSeq(node)) {
      value = node.items.map((item) => toJs(item, depth + 1));
    } else if (YAML.isScalar(node)) {
      value = node.value;
    } else {
      value = null;
    }
    const tag = (node as YAML.Node).tag;
    if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return value;
    const long = SHORT_FORMS[tag];
    if (!long) {
      // The node's range starts after its tag: point at the tag itself.
      const start = (node as YAML.Node).range?.[0];
      const at = start === undefined ? -1 : text.lastIndexOf(tag, start);
      const pos = at < 0 ? undefined : lineCounter.linePos(at);
      throw new InputError(file, `unknown YAML tag ${tag}: CloudFormation's short forms are ${Object.keys(SHORT_FORMS).join(', ')}`, pos?.line, pos?.col);
    }
    if (YAML.isScalar(node)) value = value === null ? '' : value;
    if (long === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
    }
    return { [long]: value };
  };
  return toJs(doc.contents, 0);
}

/** A map key as text. Plain scalar keys keep their source spelling (`012345678901` stays an account id). */
function keyText(key: unknown, text: string): string {
  if (YAML.isScalar(key)) {
    if (key.type === 'PLAIN' && key.range && typeof key.value !== 'string') return text.slice(key.range[0], key.range[1]);
    return String(key.value);
  }
  return String(YAML.isNode(key) ? key.toJSON() : key);
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

// ---------------------------------------------------------------------------------------------------
// Fn::ForEach (AWS::LanguageExtensions)

const FOREACH = 'Fn::ForEach::';

/**
 * Expands `Fn::ForEach::<Name>: [Identifier, Collection, {OutputKey: OutputValue}]` wherever it is a
 * key (Conditions, Resources and their properties, Outputs), loops inside loops included.
 *
 * Every `${Identifier}` and `&{Identifier}` (the value without its non-alphanumeric characters) in the
 * fragment's keys and strings, and every `Ref: Identifier`, becomes the item. The collection is a
 * literal list, a `Ref` to a list parameter's default (`CommaDelimitedList`, `List<...>`), or a literal
 * `Fn::FindInMap`/`Fn::Split`. Any other collection is known only at deploy time: the fragment is kept
 * once with its placeholders, marked with `UNEXPANDED_LOOP_METADATA_KEY`, so what depends on the item
 * is unresolved (fail closed) and nothing crashes.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html
 */
class LoopExpander {
  constructor(
    private readonly file: string,
    private readonly template: Record<string, unknown>,
    private readonly keyLines: WeakMap<object, Record<string, number>>,
  ) {}

  /** A copy of `map` with its loops expanded, at every depth. `resources`: the map is the Resources section. */
  expandMap(map: Record<string, unknown>, resources = false, depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const outLines: Record<string, number> = {};
    const srcLines = this.keyLines.get(map) ?? {};
    for (const [key, value] of Object.entries(map)) {
      if (!key.startsWith(FOREACH)) {
        setKey(out, key, this.expandValue(value, depth + 1));
        if (srcLines[key] !== undefined) outLines[key] = srcLines[key];
        continue;
      }
      const expanded = this.expandLoop(key, value, srcLines[key], resources, depth + 1);
      const lines = this.keyLines.get(expanded) ?? {};
      for (const [k, v] of Object.entries(expanded)) {
        setKey(out, k, v);
        const line = lines[k] ?? srcLines[key];
        if (line !== undefined) outLines[k] = line;
      }
    }
    this.keyLines.set(out, outLines);
    return out;
  }

  private expandValue(value: unknown, depth: number): unknown {
    if (Array.isArray(value)) return value.map((v) => this.expandValue(v, depth + 1));
    if (isPlainObject(value)) return this.expandMap(value, false, depth + 1);
    return value;
  }

  private expandLoop(key: string, loop: unknown, line: number | undefined, resources: boolean, depth: number): Record<string, unknown> {
    if (depth > 64) throw new InputError(this.file, `${key}: loops are nested too deep`, line);
    if (!Array.isArray(loop) || loop.length !== 3 || typeof loop[0] !== 'string' || !isPlainObject(loop[2])) {
      throw new InputError(this.file, `${key} must be a list of [Identifier, Collection, {OutputKey: OutputValue}]`, line);
    }
    const [identifier, collection, fragment] = loop as [string, unknown, Record<string, unknown>];
    const items = this.itemsOf(collection);
    if (typeof items === 'string') {
      const kept = this.expandMap(fragment, resources, depth);
      if (resources) {
        for (const resource of Object.values(kept)) {
          if (!isPlainObject(resource)) continue;
          const metadata = isPlainObject(resource.Metadata) ? resource.Metadata : {};
          resource.Metadata = { ...metadata, [UNEXPANDED_LOOP_METADATA_KEY]: { loop: key.slice(FOREACH.length), identifier, reason: items } };
        }
      }
      return kept;
    }
    const out: Record<string, unknown> = {};
    const outLines: Record<string, number> = {};
    for (const item of items) {
      const expanded = this.expandMap(this.substitute(fragment, identifier, item) as Record<string, unknown>, resources, depth);
      const lines = this.keyLines.get(expanded) ?? {};
      for (const [k, v] of Object.entries(expanded)) {
        setKey(out, k, v);
        if (lines[k] !== undefined) outLines[k] = lines[k];
      }
    }
    this.keyLines.set(out, outLines);
    return out;
  }

  /** The loop's items, or why they are known only at deploy time. */
  private itemsOf(collection: unknown): string[] | string {
    if (Array.isArray(collection)) {
      const items = collection.filter((c) => typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean');
      return items.length === collection.length ? items.map(String) : 'the collection holds values known only at deploy time';
    }
    if (!isPlainObject(collection) || Object.keys(collection).length !== 1) return 'the collection is not a list';
    const params = isPlainObject(this.template.Parameters) ? this.template.Parameters : {};
    if (typeof collection.Ref === 'string') {
      const param = params[collection.Ref];
      if (!isPlainObject(param)) return `the collection refers to ${collection.Ref}, which is not a parameter`;
      const type = String(param.Type ?? '');
      if (type.startsWith('AWS::SSM::Parameter::Value')) return `parameter ${collection.Ref} is read from SSM at deploy time`;
      if (param.Default === undefined) return `parameter ${collection.Ref} has no default`;
      return this.listOf(param.Default, `parameter ${collection.Ref}'s default`, type === 'CommaDelimitedList' || type.startsWith('List<'));
    }
    const findInMap = collection['Fn::FindInMap'];
    if (Array.isArray(findInMap) && findInMap.length === 3 && findInMap.every((k) => typeof k === 'string')) {
      const [m, k1, k2] = findInMap as string[];
      const mappings = this.template.Mappings as any;
      const value = mappings?.[m]?.[k1]?.[k2];
      return value === undefined ? `Fn::FindInMap ${m}/${k1}/${k2} is not in Mappings` : this.listOf(value, `Fn::FindInMap ${m}/${k1}/${k2}`, true);
    }
    const split = collection['Fn::Split'];
    if (Array.isArray(split) && split.length === 2 && typeof split[0] === 'string' && typeof split[1] === 'string') {
      return split[1].split(split[0]);
    }
    return `the collection ${Object.keys(collection)[0]} is known only at deploy time`;
  }

  private listOf(value: unknown, what: string, commaList: boolean): string[] | string {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
    // CommaDelimitedList: "each member string is space trimmed".
    // @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
    if (commaList && typeof value === 'string') return value.split(',').map((s) => s.trim());
    return `${what} is not a list`;
  }

  /** A deep copy of `value` with the loop's identifier replaced by `item` (keys keep their source lines). */
  private substitute(value: unknown, identifier: string, item: string): unknown {
    if (typeof value === 'string') return substituteText(value, identifier, item);
    if (Array.isArray(value)) return value.map((v) => this.substitute(v, identifier, item));
    if (!isPlainObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref' && value.Ref === identifier) return item;
    const out: Record<string, unknown> = {};
    const srcLines = this.keyLines.get(value) ?? {};
    const outLines: Record<string, number> = {};
    for (const [k, v] of Object.entries(value)) {
      const nk = substituteText(k, identifier, item);
      // An inner loop with the same identifier shadows this one: only its collection is ours.
      const shadowed = k.startsWith(FOREACH) && Array.isArray(v) && v[0] === identifier;
      setKey(out, nk, shadowed ? [v[0], this.substitute(v[1], identifier, item), ...v.slice(2)] : this.substitute(v, identifier, item));
      if (srcLines[k] !== undefined) outLines[nk] = srcLines[k];
    }
    this.keyLines.set(out, outLines);
    return out;
  }
}

function substituteText(text: string, identifier: string, item: string): string {
  if (!text.includes('{')) return text;
  return text.split(`\${${identifier}}`).join(item).split(`&{${identifier}}`).join(item.replace(/[^A-Za-z0-9]/g, ''));
}

// ---------------------------------------------------------------------------------------------------
// Template shape

/** Why a parsed document is not a CloudFormation template, or undefined when it is one. */
function notATemplate(value: unknown): string | undefined {
  if (!isPlainObject(value)) return `the file holds ${kindOf(value)}, expected a map with Resources, AWSTemplateFormatVersion or Transform`;
  if (!('Resources' in value) && !('AWSTemplateFormatVersion' in value) && !('Transform' in value)) {
    return 'it has none of Resources, AWSTemplateFormatVersion and Transform';
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty document)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}
