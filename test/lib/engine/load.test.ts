import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { InputError, ResultStatus, TemplateInput, UNEXPANDED_LOOP_METADATA_KEY, evaluate, loadTemplates, parseTemplate } from '../../../lib/engine';
import { RULES } from '../../../policies/rules';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Write files under the test's folder; returns the path of the first. */
function write(files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, Object.keys(files)[0]);
}

/** The InputError thrown by `fn` (fails the test when nothing or something else is thrown). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

function only(inputs: TemplateInput[]): TemplateInput & { template: any } {
  expect(inputs).toHaveLength(1);
  return inputs[0] as TemplateInput & { template: any };
}

describe('template files', () => {
  test('a JSON template loads with the line of each logical id', () => {
    // GIVEN
    const file = write({
      'stack.json': [
        '{',
        '  "AWSTemplateFormatVersion": "2010-09-09",',
        '  "Resources": {',
        '    "Bucket": {',
        '      "Type": "AWS::S3::Bucket",',
        '      "Properties": { "Tags": [{ "Key": "Resources", "Value": "x" }] }',
        '    },',
        '    "Topic": { "Type": "AWS::SNS::Topic" }, "Queue": {"Type": "AWS::SQS::Queue"}',
        '  },',
        '  "Outputs": { "Bucket": { "Value": { "Ref": "Bucket" } } }',
        '}',
      ].join('\n'),
    });
    // WHEN
    const input = only(loadTemplates([file]));
    // THEN
    expect(input.path).toBe(file);
    expect(input.template.Resources.Bucket.Type).toBe('AWS::S3::Bucket');
    expect(input.lines).toEqual({ Bucket: 4, Topic: 8, Queue: 8 });
  });

  test('JSON keys with escapes and nested "Resources" keys do not confuse the line scan', () => {
    const file = write({
      'a.template': '{"Metadata": {"Resources": {"Nope": 1}},\n"Resources": {\n"A\\u0042": {"Type": "AWS::SNS::Topic", "Properties": {"Resources": {"x": 1}}},\n"C": {"Type": "AWS::SNS::Topic"}}}',
    });
    const input = only(loadTemplates([file]));
    expect(input.lines).toEqual({ AB: 3, C: 4 });
  });

  test('a YAML template turns every short form into its long form', () => {
    // GIVEN
    const file = write({
      'short.yaml': `AWSTemplateFormatVersion: 2010-09-09
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Or [!Condition NotProd, !Condition IsProd]]
Parameters:
  Env: { Type: String, Default: prod }
Resources:
  Key:
    Type: AWS::KMS::Key
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-logs'
      Other: !Sub ['\${A}-x', { A: !Ref Env }]
      KeyArn: !GetAtt Key.Arn
      KeyArn2: !GetAtt [Key, Arn]
      Nested: !GetAtt Db.Endpoint.Address
      Joined: !Join ['-', [!Ref Env, !Select [0, !GetAZs '']]]
      Parts: !Split [',', 'a,b']
      Mapped: !FindInMap [M, !Ref AWS::Region, Ami]
      Imported: !ImportValue shared-key-arn
      Encoded: !Base64 hello
      Cidrs: !Cidr [10.0.0.0/16, 4, 8]
      Maybe: !If [IsProd, yes, !Ref AWS::NoValue]
      Macro: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }
      Json: !ToJsonString { a: 1 }
      Count: !Length [1, 2]
      AZs: !GetAZs
`,
    });
    // WHEN
    const { template, lines } = only(loadTemplates([file]));
    // THEN
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      Both: { 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Or': [{ Condition: 'NotProd' }, { Condition: 'IsProd' }] }] },
    });
    expect(template.Resources.Bucket.Properties).toEqual({
      BucketName: { 'Fn::Sub': '${AWS::StackName}-logs' },
      Other: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Env' } }] },
      KeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] },
      KeyArn2: { 'Fn::GetAtt': ['Key', 'Arn'] },
      Nested: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      Joined: { 'Fn::Join': ['-', [{ Ref: 'Env' }, { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }]] },
      Parts: { 'Fn::Split': [',', 'a,b'] },
      Mapped: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Ami'] },
      Imported: { 'Fn::ImportValue': 'shared-key-arn' },
      Encoded: { 'Fn::Base64': 'hello' },
      Cidrs: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      Maybe: { 'Fn::If': ['IsProd', 'yes', { Ref: 'AWS::NoValue' }] },
      Macro: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
      Json: { 'Fn::ToJsonString': { a: 1 } },
      Count: { 'Fn::Length': [1, 2] },
      AZs: { 'Fn::GetAZs': '' },
    });
    expect(lines).toEqual({ Key: 9, Bucket: 11 });
  });

  test('YAML map keys keep their spelling (account ids with a leading zero)', () => {
    const file = write({
      't.yml': 'Mappings:\n  Accounts:\n    012345678901: { Name: dev }\nResources:\n  T: { Type: AWS::SNS::Topic }\n',
    });
    expect(only(loadTemplates([file])).template.Mappings.Accounts).toEqual({ '012345678901': { Name: 'dev' } });
  });

  test('a loaded YAML template is judged with the line of each resource', () => {
    // GIVEN a bucket without TLS enforcement, written in YAML
    const file = write({ 'b.yaml': 'Resources:\n\n  Logs:\n    Type: AWS::S3::Bucket\n' });
    // WHEN
    const ledger = evaluate(loadTemplates([file]), RULES.filter((r) => r.id === 'S3.SslOnly'));
    // THEN
    expect(ledger.results).toEqual([expect.objectContaining({ logicalId: 'Logs', status: ResultStatus.FAIL, line: 3, template: file })]);
  });

  test('a SAM template loads as is', () => {
    const file = write({
      'sam.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/, Policies: [!Ref Managed] }
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [] } }
`,
    });
    const { template, lines } = only(loadTemplates([file]));
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.Resources.Fn).toEqual({
      Type: 'AWS::Serverless::Function',
      Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', CodeUri: 'src/', Policies: [{ Ref: 'Managed' }] },
    });
    expect(lines).toEqual({ Fn: 3, Managed: 6 });
  });

  test('empty Resources is a valid template; so is a template with only a version', () => {
    const a = write({ 'empty.json': '{"Resources": {}}' });
    const b = write({ 'version.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing yet\n' });
    expect(loadTemplates([a, b]).map((i) => i.lines)).toEqual([{}, {}]);
  });

  test('the same file named twice loads once', () => {
    const file = write({ 'one.json': '{"Resources": {}}' });
    expect(loadTemplates([file, path.join(dir, '.', 'one.json')])).toHaveLength(1);
  });
});

describe('bad input', () => {
  test('fails when the path does not exist', () => {
    const e = inputError(() => loadTemplates([path.join(dir, 'missing.json')]));
    expect(e.message).toBe(`${path.join(dir, 'missing.json')}: no such file or directory`);
  });

  test('fails when no path is given', () => {
    expect(inputError(() => loadTemplates([])).message).toMatch(/give at least one template file/);
  });

  // root reads every file whatever its mode, so this one runs only as a normal user
  (process.getuid?.() === 0 ? test.skip : test)('fails when the file cannot be read', () => {
    const file = write({ 'secret.json': '{}' });
    fs.chmodSync(file, 0o000);
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}: permission denied (cannot read it)`);
  });

  test('fails on invalid JSON, naming the file, line and column', () => {
    const file = write({ 'bad.json': '{\n  "Resources": {\n    "A": { "Type": "AWS::SNS::Topic" },\n  }\n}\n' });
    const e = inputError(() => loadTemplates([file]));
    expect(e.message).toBe(`${file}:4:3: invalid JSON: trailing comma before '}'`);
    expect([e.file, e.line, e.column]).toEqual([file, 4, 3]);
  });

  test('fails on truncated JSON at its last line', () => {
    const file = write({ 'cut.json': '{\n  "Resources": {\n' });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}:3:1: invalid JSON: expected a double-quoted key, got end of input`);
  });

  test('fails on invalid YAML, naming the file and line', () => {
    const file = write({ 'bad.yaml': 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n   Properties: {}\n' });
    const e = inputError(() => loadTemplates([file]));
    expect(e.message).toBe(`${file}:4:1: invalid YAML: All mapping items must start at the same column`);
    expect(e.message).not.toContain('\n');
  });

  test('fails on a YAML tag that is not a CloudFormation short form', () => {
    const file = write({ 'tag.yaml': 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: { Name: !Reff X }\n' });
    expect(inputError(() => loadTemplates([file])).message).toMatch(new RegExp(`^${escape(file)}:4:25: unknown YAML tag !Reff: CloudFormation's short forms are !Ref, !Condition, `));
  });

  test('fails on YAML aliases that expand without bound', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const file = write({ 'laughs.yaml': `Metadata:\n${levels.map((l) => `  ${l}`).join('\n')}\nResources: {}\n` });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}: more than 1000 YAML alias expansions (CloudFormation does not support aliases)`);
  });

  test('fails on two documents in one YAML file', () => {
    const file = write({ 'two.yaml': 'Resources: {}\n---\nResources: {}\n' });
    expect(inputError(() => loadTemplates([file])).message).toMatch(new RegExp(`^${escape(file)}:2:1: invalid YAML: Source contains multiple documents`));
  });

  test.each([
    ['list.json', '[1, 2]', 'the file holds a list, expected a map with Resources, AWSTemplateFormatVersion or Transform'],
    ['string.yaml', 'just some text\n', 'the file holds a string ("just some text"), expected a map with Resources, AWSTemplateFormatVersion or Transform'],
    ['empty.yaml', '', 'the file holds nothing (an empty document), expected a map with Resources, AWSTemplateFormatVersion or Transform'],
    ['package.json', '{"name": "x", "version": "1.0.0"}', 'it has none of Resources, AWSTemplateFormatVersion and Transform'],
  ])('fails when %s is not a CloudFormation template', (name, text, why) => {
    const file = write({ [name]: text });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}: not a CloudFormation template: ${why}`);
  });

  test('fails when Resources is not a map', () => {
    const file = write({ 'r.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  - A\n' });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}:2: Resources must be a map of logical id to resource, got a list`);
  });

  test('fails when a resource has no Type, naming its line', () => {
    const file = write({ 'r.json': '{"Resources": {\n "A": {"Type": "AWS::SNS::Topic"},\n "B": {"Properties": {}}}}' });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}:3: resource B must be a map with a Type, got no Type`);
  });

  test('fails on a file that is not a template by its extension', () => {
    const file = write({ 'notes.txt': 'hello' });
    expect(inputError(() => loadTemplates([file])).message).toMatch(/notes\.txt: not a template file: expected a \.json, \.yaml, \.yml, \.template file/);
  });

  test('fails on a folder with no templates', () => {
    write({ 'package.json': '{"name": "x"}', 'README.md': '# x', 'sub/tsconfig.json': '{ /* comments */ }' });
    expect(inputError(() => loadTemplates([dir])).message).toBe(`${dir}: no CloudFormation templates found in the folder (looked for .json, .yaml, .yml, .template files)`);
  });
});

describe('folders', () => {
  test('finds templates recursively, skipping node_modules, dot folders and files that are not templates', () => {
    // GIVEN
    write({
      'a.json': '{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}}',
      'nested/deeper/b.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      'nested/c.template': 'AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n',
      'nested/d.yml': 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n',
      'package.json': '{"name": "x"}',
      'tsconfig.json': '{ /* not JSON, and not a template */ }',
      'config.yaml': 'name: Resources-free config\nitems: [1]\n',
      'node_modules/dep/template.json': '{"Resources": {}}',
      '.aws-sam/build/template.yaml': 'Resources: {}\n',
    });
    // WHEN
    const inputs = loadTemplates([dir]);
    // THEN
    expect(inputs.map((i) => path.relative(dir, i.path))).toEqual([
      'a.json', path.join('nested', 'c.template'), path.join('nested', 'd.yml'), path.join('nested', 'deeper', 'b.yaml'),
    ]);
  });

  test('a file that mentions Resources but does not parse fails the folder (fail closed)', () => {
    const file = write({ 'ok.json': '{"Resources": {}}', 'broken.yaml': 'Resources:\n  A: [\n' });
    expect(inputError(() => loadTemplates([dir])).message).toMatch(new RegExp(`^${escape(file.replace('ok.json', 'broken.yaml'))}:3:1: invalid YAML`));
  });

  test('a manifest.json that is not a cloud assembly manifest is just a file of the folder', () => {
    write({ 'site/public/manifest.json': '{"name": "app", "version": "1.0", "icons": []}', 'site/stack.yaml': 'Resources: {}\n' });
    expect(loadTemplates([path.join(dir, 'site')]).map((i) => path.relative(dir, i.path))).toEqual([path.join('site', 'stack.yaml')]);
    expect(inputError(() => loadTemplates([path.join(dir, 'site', 'public')])).message).toMatch(/public: no CloudFormation templates found in the folder/);
  });

  test('a cloud assembly inside a folder is read as one', () => {
    write({
      'tpl/a.json': '{"Resources": {}}',
      'cdk.out/manifest.json': JSON.stringify({ version: '48.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'S.template.json' } } } }),
      'cdk.out/S.template.json': '{"Resources": {}}',
      'cdk.out/tree.json': '{"version": "tree-0.1", "tree": {"id": "App", "children": {"Resources": {}}}}',
    });
    expect(loadTemplates([dir]).map((i) => [path.relative(dir, i.path), i.stackName])).toEqual([
      [path.join('cdk.out', 'S.template.json'), 'S'],
      [path.join('tpl', 'a.json'), undefined],
    ]);
  });
});

describe('cloud assemblies (cdk.out)', () => {
  test('loads every stack of a synthesized app: names, environments, Stages and nested stacks', () => {
    // GIVEN a real CDK app: an env stack with a nested stack, an env-agnostic stack, and a Stage
    process.env.CDK_VALIDATION = 'false';
    const outdir = path.join(dir, 'cdk.out');
    // path metadata on, as `cdk synth` turns it on
    const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
    const main = new Stack(app, 'Main', { env: { account: '111122223333', region: 'eu-west-1' } });
    new s3.Bucket(main, 'Bucket');
    const nested = new NestedStack(main, 'Child');
    new s3.Bucket(nested, 'ChildBucket');
    new Stack(app, 'Agnostic');
    const stage = new Stage(app, 'Prod', { env: { account: '444455556666', region: 'us-east-1' } });
    new s3.Bucket(new Stack(stage, 'Api'), 'ApiBucket');
    app.synth();

    // WHEN
    const inputs = loadTemplates([outdir]);

    // THEN
    const summary = inputs.map((i) => ({ file: path.relative(outdir, i.path), stack: i.stackName, account: i.account, region: i.region }));
    expect(summary).toEqual([
      { file: expect.stringMatching(/^assembly-Prod[\\/]ProdApi[0-9A-F]{8}\.template\.json$/), stack: 'Prod/Api', account: '444455556666', region: 'us-east-1' },
      { file: 'Main.template.json', stack: 'Main', account: '111122223333', region: 'eu-west-1' },
      { file: 'Agnostic.template.json', stack: 'Agnostic', account: undefined, region: undefined },
      { file: expect.stringMatching(/^MainChild[0-9A-F]{8}\.nested\.template\.json$/), stack: 'Main/Child', account: '111122223333', region: 'eu-west-1' },
    ]);
    const child = inputs[3].template as any;
    expect(Object.values(child.Resources).map((r: any) => r.Type)).toContain('AWS::S3::Bucket');
    // every resource of a CDK template has its line
    const mainIds = Object.keys((inputs[1].template as any).Resources);
    expect(Object.keys(inputs[1].lines ?? {})).toEqual(mainIds);
  });

  test('keeps the known half of a partly unknown environment', () => {
    const outdir = path.join(dir, 'asm');
    write({
      'asm/manifest.json': JSON.stringify({
        artifacts: {
          A: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/unknown-region', displayName: 'Shown/A', properties: { templateFile: 'A.template.json' } },
          B: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/ap-south-1', properties: { templateFile: 'B.template.json', stackName: 'deployed-b' } },
          Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
        },
      }),
      'asm/A.template.json': '{"Resources": {}}',
      'asm/B.template.json': '{"Resources": {}}',
    });
    expect(loadTemplates([outdir]).map((i) => [i.stackName, i.account, i.region])).toEqual([
      ['Shown/A', '111122223333', undefined],
      ['deployed-b', undefined, 'ap-south-1'],
    ]);
  });

  test('fails when a stack artifact points at a folder instead of a template file', () => {
    const outdir = path.join(dir, 'asm');
    write({ 'asm/manifest.json': JSON.stringify({ artifacts: { A: { type: 'aws:cloudformation:stack', properties: { templateFile: 'sub' } } } }), 'asm/sub/x.json': '{}' });
    expect(inputError(() => loadTemplates([outdir])).message).toBe(`${path.join(outdir, 'sub')}: is a folder, expected a file`);
  });

  test('fails when a stack artifact points at a missing template', () => {
    const outdir = path.join(dir, 'asm');
    write({ 'asm/manifest.json': JSON.stringify({ artifacts: { A: { type: 'aws:cloudformation:stack', properties: { templateFile: 'A.template.json' } } } }) });
    expect(inputError(() => loadTemplates([outdir])).message).toBe(`${path.join(outdir, 'A.template.json')}: no such file or directory`);
  });

  test('fails when manifest.json is not valid JSON', () => {
    const outdir = path.join(dir, 'asm');
    write({ 'asm/manifest.json': '{"artifacts": }' });
    expect(inputError(() => loadTemplates([outdir])).message).toBe(`${path.join(outdir, 'manifest.json')}:1:15: invalid JSON: unexpected "}"`);
  });
});

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  test('expands a literal collection in Resources, with ${} and &{} in keys and Ref/Sub in values', () => {
    // GIVEN
    const file = write({
      'loop.yaml': `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [logs, data.raw]
    - '&{Name}Bucket':
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub 'acme-\${Name}-\${AWS::Region}'
          Tags: [{ Key: purpose, Value: !Ref Name }]
  Other:
    Type: AWS::SNS::Topic
`,
    });
    // WHEN
    const { template, lines } = only(loadTemplates([file]));
    // THEN
    expect(template.Resources).toEqual({
      logsBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': 'acme-logs-${AWS::Region}' }, Tags: [{ Key: 'purpose', Value: 'logs' }] } },
      datarawBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': 'acme-data.raw-${AWS::Region}' }, Tags: [{ Key: 'purpose', Value: 'data.raw' }] } },
      Other: { Type: 'AWS::SNS::Topic' },
    });
    expect(lines).toEqual({ logsBucket: 6, datarawBucket: 6, Other: 11 });
  });

  test('expands a collection from a CommaDelimitedList default, loops inside loops, Outputs and Conditions', () => {
    // GIVEN
    const text = JSON.stringify({
        Transform: ['AWS::LanguageExtensions'],
        Parameters: { Envs: { Type: 'CommaDelimitedList', Default: 'dev, prod' }, Tiers: { Type: 'List<String>', Default: ['a'] } },
        Conditions: { 'Fn::ForEach::Is': ['E', { Ref: 'Envs' }, { 'Is${E}': { 'Fn::Equals': [{ Ref: 'E' }, 'prod'] } }] },
        Resources: {
          'Fn::ForEach::Env': ['E', { Ref: 'Envs' }, {
            'Fn::ForEach::Tier': ['T', { Ref: 'Tiers' }, { '${E}${T}Queue': { Type: 'AWS::SQS::Queue', Condition: 'Is${E}' } }],
          }],
        },
        Outputs: { 'Fn::ForEach::Out': ['E', ['dev'], { '${E}Arn': { Value: { 'Fn::GetAtt': ['${E}aQueue', 'Arn'] } } }] },
      }, null, 2);
    const file = write({ 'nested.json': text });
    const loopLine = text.split('\n').findIndex((l) => l.includes('"Fn::ForEach::Env"')) + 1;
    // WHEN
    const { template, lines } = only(loadTemplates([file]));
    // THEN
    expect(template.Conditions).toEqual({ Isdev: { 'Fn::Equals': ['dev', 'prod'] }, Isprod: { 'Fn::Equals': ['prod', 'prod'] } });
    expect(template.Resources).toEqual({
      devaQueue: { Type: 'AWS::SQS::Queue', Condition: 'Isdev' },
      prodaQueue: { Type: 'AWS::SQS::Queue', Condition: 'Isprod' },
    });
    expect(template.Outputs).toEqual({ devArn: { Value: { 'Fn::GetAtt': ['devaQueue', 'Arn'] } } });
    // JSON: expanded resources carry the line of their loop
    expect(lines).toEqual({ devaQueue: loopLine, prodaQueue: loopLine });
  });

  test('expands loops inside resource properties and from Fn::FindInMap', () => {
    const file = write({
      'props.yaml': `Transform: AWS::LanguageExtensions
Mappings:
  Ports: { Admin: { List: [22, 3389] } }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      Tags:
        - Key: k
          Value: v
      Fn::ForEach::Extra:
        - P
        - !FindInMap [Ports, Admin, List]
        - Port&{P}: !Ref P
`,
    });
    expect(only(loadTemplates([file])).template.Resources.Sg.Properties).toEqual({
      GroupDescription: 'x', Tags: [{ Key: 'k', Value: 'v' }], Port22: '22', Port3389: '3389',
    });
  });

  test('an inner loop with the same identifier shadows the outer one', () => {
    const { template } = parseTemplate(JSON.stringify({
      Resources: { 'Fn::ForEach::Outer': ['X', ['a'], { 'Fn::ForEach::Inner': ['X', ['${X}1', 'b'], { 'Q${X}': { Type: 'AWS::SQS::Queue' } }] }] },
    }), 'shadow.json')!;
    expect(Object.keys(template.Resources as object)).toEqual(['Qa1', 'Qb']);
  });

  test('a loop over a parameter without a default is kept once, marked, and fails closed when judged', () => {
    // GIVEN
    const file = write({
      'unknown.yaml': `Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList }
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - '\${Name}Bucket':
        Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Dummy
      PolicyDocument: { Statement: [] }
`,
    });
    // WHEN
    const input = only(loadTemplates([file]));
    const ledger = evaluate([input], RULES.filter((r) => r.id === 'S3.SslOnly'));
    // THEN
    expect(input.template.Resources['${Name}Bucket']).toEqual({
      Type: 'AWS::S3::Bucket',
      Metadata: { [UNEXPANDED_LOOP_METADATA_KEY]: { loop: 'Buckets', identifier: 'Name', reason: 'parameter Names has no default' } },
    });
    expect(input.lines).toEqual({ '${Name}Bucket': 8, 'Policy': 10 });
    expect(ledger.results).toEqual([expect.objectContaining({ logicalId: '${Name}Bucket', status: ResultStatus.FAIL })]);
  });

  test.each([
    ['{ "Fn::GetAZs": "" }', 'the collection Fn::GetAZs is known only at deploy time'],
    ['[{ "Ref": "X" }]', 'the collection holds values known only at deploy time'],
    ['{ "Ref": "Nope" }', 'the collection refers to Nope, which is not a parameter'],
    ['{ "Ref": "Ssm" }', 'parameter Ssm is read from SSM at deploy time'],
    ['{ "Ref": "Str" }', "parameter Str's default is not a list"],
  ])('a loop over %s is left unexpanded: %s', (collection, reason) => {
    const { template } = parseTemplate(`{
      "Parameters": { "Ssm": { "Type": "AWS::SSM::Parameter::Value<List<String>>", "Default": "/x" }, "Str": { "Type": "String", "Default": "a,b" } },
      "Resources": { "Fn::ForEach::L": ["X", ${collection}, { "T\${X}": { "Type": "AWS::SNS::Topic" } }] } }`, 'c.json')!;
    expect((template.Resources as any)['T${X}'].Metadata[UNEXPANDED_LOOP_METADATA_KEY].reason).toBe(reason);
  });

  test('fails when a loop is not [Identifier, Collection, Fragment], naming its line', () => {
    const file = write({ 'bad-loop.yaml': 'Resources:\n  A: { Type: AWS::SNS::Topic }\n  Fn::ForEach::L: [X, [a]]\n' });
    expect(inputError(() => loadTemplates([file])).message).toBe(`${file}:3: Fn::ForEach::L must be a list of [Identifier, Collection, {OutputKey: OutputValue}]`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
