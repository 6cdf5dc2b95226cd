import { NO_VALUE, ResourceRef, Unresolved, isPlainObject } from './values';

/** One template handed to the engine. */
export interface TemplateInput {
  /** Where the template came from (file path); also its identity inside the set. */
  readonly path: string;
  /** The parsed template (JSON, or YAML parsed with its short-form tags turned into long form). */
  readonly template: unknown;
  /** The stack's name. @default - the file name without `.template.json` / extension */
  readonly stackName?: string;
  /** The stack's account, when known (CDK stacks with an env). @default - unknown */
  readonly account?: string;
  /** The stack's Region, when known. @default - unknown */
  readonly region?: string;
  /** Source line (1-based) of each resource's logical id, when the loader knows it. */
  readonly lines?: Readonly<Record<string, number>>;
}

const PSEUDO = new Set([
  'AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName', 'AWS::StackId',
  'AWS::NotificationARNs',
]);

const MAX_DEPTH = 64;

/** A CloudFormation resource as the template holds it, with its properties resolved on demand. */
export class Resource {
  private resolved?: Record<string, unknown>;

  constructor(
    public readonly template: Template,
    public readonly logicalId: string,
    /** The resource exactly as written (type, properties, metadata, policies). */
    public readonly raw: Record<string, any>,
  ) {}

  /** The resource type, for example `AWS::S3::Bucket`. */
  get type(): string {
    return String(this.raw.Type);
  }

  /** The resource's properties with intrinsic functions resolved (see `values.ts`). */
  get properties(): Record<string, unknown> {
    if (!this.resolved) {
      const value = this.template.resolve(this.raw.Properties ?? {});
      this.resolved = isPlainObject(value) ? value : {};
    }
    return this.resolved;
  }

  /** The resource's `Metadata`. */
  get metadata(): Record<string, any> {
    return isPlainObject(this.raw.Metadata) ? (this.raw.Metadata as Record<string, any>) : {};
  }

  /** The CDK construct path (`aws:cdk:path` metadata), when the resource came from a CDK app. */
  get constructPath(): string | undefined {
    const p = this.metadata['aws:cdk:path'];
    return typeof p === 'string' ? p : undefined;
  }

  /** `DeletionPolicy`, as written. @default Delete (CloudFormation's default for most types) */
  get deletionPolicy(): string | undefined {
    return typeof this.raw.DeletionPolicy === 'string' ? this.raw.DeletionPolicy : undefined;
  }

  /** `UpdateReplacePolicy`, as written. */
  get updateReplacePolicy(): string | undefined {
    return typeof this.raw.UpdateReplacePolicy === 'string' ? this.raw.UpdateReplacePolicy : undefined;
  }

  /**
   * Whether the resource is deployed: `false` when its `Condition` is known to be false, `undefined`
   * when the condition cannot be evaluated.
   */
  get deployed(): boolean | undefined {
    if (this.raw.Condition === undefined) return true;
    return this.template.condition(String(this.raw.Condition));
  }

  /** The source line of the resource's logical id, when known. */
  get line(): number | undefined {
    return this.template.lines?.[this.logicalId];
  }

  /** The resolved value at a dotted property path (`BucketEncryption.ServerSideEncryptionConfiguration.0`). */
  get(path: string): unknown {
    let cur: unknown = this.properties;
    for (const part of path.split('.')) {
      if (cur instanceof Unresolved) return cur;
      if (Array.isArray(cur)) cur = cur[Number(part)];
      else if (isPlainObject(cur)) cur = cur[part];
      else return undefined;
    }
    return cur;
  }
}

/** One template of the set, with its resources and a resolver for its intrinsic functions. */
export class Template {
  /** Resources in template order. */
  public readonly resources: Resource[];
  public readonly stackName: string;
  private readonly byId = new Map<string, Resource>();
  private readonly conditions = new Map<string, boolean | undefined>();

  constructor(
    public readonly set: TemplateSet,
    private readonly input: TemplateInput,
  ) {
    this.stackName = input.stackName ?? stackNameFromPath(input.path);
    const resources = isPlainObject(this.body.Resources) ? this.body.Resources : {};
    this.resources = Object.entries(resources)
      .filter(([, r]) => isPlainObject(r))
      .map(([id, r]) => new Resource(this, id, r as Record<string, any>));
    for (const r of this.resources) this.byId.set(r.logicalId, r);
  }

  get path(): string {
    return this.input.path;
  }

  get account(): string | undefined {
    return this.input.account;
  }

  get region(): string | undefined {
    return this.input.region;
  }

  get lines(): Readonly<Record<string, number>> | undefined {
    return this.input.lines;
  }

  /** The template body. */
  get body(): Record<string, any> {
    return isPlainObject(this.input.template) ? (this.input.template as Record<string, any>) : {};
  }

  /** The template's root `Metadata`. */
  get metadata(): Record<string, any> {
    return isPlainObject(this.body.Metadata) ? this.body.Metadata : {};
  }

  resource(logicalId: string): Resource | undefined {
    return this.byId.get(logicalId);
  }

  /** Value of a named condition: `undefined` when it depends on something unknown. */
  condition(name: string, depth = 0): boolean | undefined {
    if (this.conditions.has(name)) return this.conditions.get(name);
    this.conditions.set(name, undefined); // guards against cycles
    const defs = isPlainObject(this.body.Conditions) ? this.body.Conditions : {};
    const value = name in defs ? this.evaluateCondition(defs[name], depth + 1) : undefined;
    this.conditions.set(name, value);
    return value;
  }

  /** Resolve a template value (see `values.ts` for what each intrinsic becomes). */
  resolve(value: unknown, depth = 0): unknown {
    if (depth > MAX_DEPTH) return new Unresolved('reference nesting too deep');
    if (Array.isArray(value)) {
      return value.map((v) => this.resolve(v, depth + 1)).filter((v) => v !== NO_VALUE);
    }
    if (!isPlainObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || (keys[0] === 'Condition' && typeof value.Condition === 'string'))) {
      return this.intrinsic(keys[0], value[keys[0]], depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v, depth + 1);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  /** The pseudo parameter's value, or its `${AWS::X}` spelling when unknown. */
  pseudo(name: string): string {
    if (name === 'AWS::AccountId' && this.account) return this.account;
    if (name === 'AWS::Region' && this.region) return this.region;
    if (name === 'AWS::Partition' && this.region) return partitionOf(this.region);
    if (name === 'AWS::URLSuffix' && this.region) return this.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    if (name === 'AWS::StackName') return this.stackName;
    return `\${${name}}`;
  }

  private intrinsic(fn: string, arg: any, depth: number): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(String(arg), depth);
      case 'Fn::GetAtt': {
        const [id, ...attr] = Array.isArray(arg) ? arg.map(String) : String(arg).split('.');
        if (!this.byId.has(id)) return new Unresolved(`Fn::GetAtt to ${id}, which this template does not define`);
        return new ResourceRef(this.path, id, attr.join('.'));
      }
      case 'Fn::ImportValue':
        return this.importValue(this.resolve(arg, depth));
      case 'Fn::GetStackOutput': {
        // CDK's weak cross-stack references: { StackName, Region, OutputName } of another stack.
        const spec = this.resolve(arg, depth);
        if (!isPlainObject(spec) || typeof spec.StackName !== 'string' || typeof spec.OutputName !== 'string') {
          return new Unresolved('Fn::GetStackOutput of an unknown stack or output');
        }
        const producer = this.set.templates.find((t) => t.stackName === spec.StackName && (t.region === undefined || spec.Region === undefined || t.region === spec.Region));
        const output = producer?.body.Outputs?.[spec.OutputName];
        if (!producer || !isPlainObject(output)) return new Unresolved(`Fn::GetStackOutput ${spec.StackName}.${spec.OutputName}: no template in the set has that output`);
        return producer.resolve(output.Value, depth);
      }
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3) return new Unresolved('malformed Fn::If');
        const c = this.condition(String(arg[0]));
        if (c === undefined) return new Unresolved(`Fn::If on condition ${arg[0]}, whose value is unknown`);
        return this.resolve(c ? arg[1] : arg[2], depth);
      }
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::Select': {
        if (!Array.isArray(arg) || arg.length !== 2) return new Unresolved('malformed Fn::Select');
        const index = Number(this.resolve(arg[0], depth));
        const list = this.resolve(arg[1], depth);
        if (list instanceof Unresolved) return list;
        if (!Array.isArray(list) || isNaN(index) || index < 0 || index >= list.length) return new Unresolved('Fn::Select of an unknown list');
        return list[index];
      }
      case 'Fn::Split': {
        if (!Array.isArray(arg) || arg.length !== 2) return new Unresolved('malformed Fn::Split');
        const s = this.resolve(arg[1], depth);
        return typeof s === 'string' ? s.split(String(arg[0])) : new Unresolved('Fn::Split of an unknown string');
      }
      case 'Fn::FindInMap': {
        if (!Array.isArray(arg) || arg.length < 3) return new Unresolved('malformed Fn::FindInMap');
        const [m, k1, k2] = arg.slice(0, 3).map((a: unknown) => this.resolve(a, depth));
        const found = this.body.Mappings?.[String(m)]?.[String(k1)]?.[String(k2)];
        if (found !== undefined && typeof m === 'string' && typeof k1 === 'string' && typeof k2 === 'string') return this.resolve(found, depth);
        return new Unresolved(`Fn::FindInMap ${[m, k1, k2].map(String).join('/')}`);
      }
      case 'Fn::ToJsonString': {
        const v = this.resolve(arg, depth);
        return isFullyKnown(v) ? JSON.stringify(v) : new Unresolved('Fn::ToJsonString of unknown parts');
      }
      case 'Fn::Base64': {
        const v = this.resolve(arg, depth);
        return typeof v === 'string' ? v : new Unresolved('Fn::Base64 of an unknown string');
      }
      case 'Condition': {
        const c = this.condition(String(arg));
        return c === undefined ? new Unresolved(`condition ${arg}, whose value is unknown`) : c;
      }
      default:
        return new Unresolved(`${fn} is evaluated only at deploy time`);
    }
  }

  private ref(name: string, depth: number): unknown {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO.has(name)) return this.pseudo(name);
    if (this.byId.has(name)) return new ResourceRef(this.path, name);
    const param = this.body.Parameters?.[name];
    if (isPlainObject(param)) {
      if (param.Default === undefined) return new Unresolved(`parameter ${name} has no default`);
      if (typeof param.Type === 'string' && param.Type.startsWith('AWS::SSM::Parameter::Value')) {
        return new Unresolved(`parameter ${name} is read from SSM at deploy time`);
      }
      return this.resolve(param.Default, depth);
    }
    return new Unresolved(`Ref to ${name}, which this template does not define`);
  }

  private importValue(name: unknown): unknown {
    if (typeof name !== 'string') return new Unresolved('Fn::ImportValue of an unknown export name');
    const exported = this.set.findExport(name);
    if (!exported) return new Unresolved(`Fn::ImportValue ${name}: no template in the set exports it`);
    return exported.template.resolve(exported.value);
  }

  private join(arg: any, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return new Unresolved('malformed Fn::Join');
    const list = this.resolve(arg[1], depth);
    if (list instanceof Unresolved) return list;
    if (!Array.isArray(list)) return new Unresolved('Fn::Join of an unknown list');
    const parts: string[] = [];
    for (const part of list) {
      const s = asText(part);
      if (s instanceof Unresolved) return s;
      parts.push(s);
    }
    return parts.join(String(arg[0]));
  }

  private sub(arg: any, depth: number): unknown {
    const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
    if (typeof text !== 'string') return new Unresolved('malformed Fn::Sub');
    let failed: Unresolved | undefined;
    const out = text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      let value: unknown;
      if (isPlainObject(vars) && name in vars) value = this.resolve(vars[name], depth);
      else if (name.includes('.')) value = this.intrinsic('Fn::GetAtt', name, depth);
      else value = this.ref(name, depth);
      const s = asText(value);
      if (s instanceof Unresolved) {
        failed = failed ?? s;
        return whole;
      }
      return s;
    });
    return failed ?? out;
  }

  private evaluateCondition(expr: any, depth: number): boolean | undefined {
    if (depth > MAX_DEPTH || !isPlainObject(expr)) return undefined;
    const [fn] = Object.keys(expr);
    const arg = expr[fn];
    switch (fn) {
      case 'Condition':
        return this.condition(String(arg), depth);
      case 'Fn::Not': {
        const v = this.evaluateCondition(Array.isArray(arg) ? arg[0] : arg, depth + 1);
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = (Array.isArray(arg) ? arg : []).map((a: any) => this.evaluateCondition(a, depth + 1));
        if (fn === 'Fn::And') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      case 'Fn::Equals': {
        if (!Array.isArray(arg) || arg.length !== 2) return undefined;
        const [a, b] = arg.map((v: unknown) => this.resolve(v, depth + 1));
        if (!isFullyKnown(a) || !isFullyKnown(b)) return undefined;
        if (isSymbolic(a) || isSymbolic(b)) return undefined;
        return JSON.stringify(a) === JSON.stringify(b);
      }
      default:
        return undefined;
    }
  }
}

/** The templates judged together: one account (or one workload), one evaluation. */
export class TemplateSet {
  public readonly templates: Template[];
  private exports?: Map<string, { template: Template; value: unknown }>;
  private byType?: Map<string, Resource[]>;
  private readonly memos = new Map<string, unknown>();

  constructor(inputs: readonly TemplateInput[]) {
    this.templates = inputs.map((i) => new Template(this, i));
  }

  /** Every resource of every template, in template order. */
  get resources(): Resource[] {
    return this.templates.flatMap((t) => t.resources);
  }

  /** Every resource of a type across the set (deployed or possibly deployed). */
  ofType(type: string): Resource[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const r of this.resources) {
        if (r.deployed === false) continue;
        const list = this.byType.get(r.type) ?? [];
        list.push(r);
        this.byType.set(r.type, list);
      }
    }
    return this.byType.get(type) ?? [];
  }

  /**
   * A value computed once per set: rules build their indexes here (for example bucket policy by
   * bucket), so judging N resources stays linear instead of scanning the set for each one.
   */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** The resource a `ResourceRef` points to. */
  deref(ref: ResourceRef): Resource | undefined {
    return this.templates.find((t) => t.path === ref.templatePath)?.resource(ref.logicalId);
  }

  /** The output that exports `name`, with the template that defines it. */
  findExport(name: string): { template: Template; value: unknown } | undefined {
    if (!this.exports) {
      this.exports = new Map();
      for (const t of this.templates) {
        const outputs = isPlainObject(t.body.Outputs) ? t.body.Outputs : {};
        for (const o of Object.values(outputs) as any[]) {
          const exportName = o?.Export?.Name === undefined ? undefined : t.resolve(o.Export.Name);
          if (typeof exportName === 'string') this.exports.set(exportName, { template: t, value: o.Value });
        }
      }
    }
    return this.exports.get(name);
  }
}

/** The partition of a Region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function stackNameFromPath(p: string): string {
  const base = p.split(/[\\/]/).pop() ?? p;
  return base.replace(/\.template\.json$/, '').replace(/\.(json|ya?ml|template)$/i, '');
}

/** A resolved part as text, for `Fn::Join`/`Fn::Sub`. */
function asText(value: unknown): string | Unresolved {
  if (value instanceof Unresolved) return value;
  if (value instanceof ResourceRef) return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Unresolved('a part that is not a string');
}

/** No `Unresolved` and no resource reference anywhere inside. */
function isFullyKnown(value: unknown): boolean {
  if (value instanceof Unresolved || value instanceof ResourceRef) return false;
  if (Array.isArray(value)) return value.every(isFullyKnown);
  if (isPlainObject(value)) return Object.values(value).every(isFullyKnown);
  return true;
}

/** A string that still holds a deploy-time placeholder (`${AWS::Region}`, `${Bucket.Arn}`). */
function isSymbolic(value: unknown): boolean {
  return typeof value === 'string' && /\$\{[^}]+\}/.test(value);
}
