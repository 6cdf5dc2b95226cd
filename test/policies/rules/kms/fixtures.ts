// Hand-written template fixtures shared by the KMS rule tests.

/** A template whose condition `Unknown` depends on a parameter with no default. */
export function template(resources: Record<string, unknown>): Record<string, unknown> {
  return {
    Parameters: { Env: { Type: 'String' } },
    Conditions: { Unknown: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    Resources: resources,
  };
}

/** A value the engine cannot resolve: `Fn::If` on the unknown condition. */
export function unknown(whenTrue: unknown, whenFalse: unknown): Record<string, unknown> {
  return { 'Fn::If': ['Unknown', whenTrue, whenFalse] };
}

/** The account root principal, spelled as CloudFormation does without a known account. */
export const ROOT = { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } };

/** The statement every well-formed key policy starts with: the account administers the key. */
export const ROOT_STATEMENT = { Sid: 'Root', Effect: 'Allow', Principal: ROOT, Action: 'kms:*', Resource: '*' };

/** A key with the given properties (the key policy defaults to ROOT_STATEMENT only). */
export function key(properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'AWS::KMS::Key',
    Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [ROOT_STATEMENT] }, ...properties },
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    ...extra,
  };
}

/** A key whose policy holds ROOT_STATEMENT and `statements`. */
export function keyWith(statements: unknown[], properties: Record<string, unknown> = {}): Record<string, unknown> {
  return key({ KeyPolicy: { Version: '2012-10-17', Statement: [ROOT_STATEMENT, ...statements] }, ...properties });
}
