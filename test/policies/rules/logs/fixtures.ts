// Hand-written template fixtures shared by the CloudWatch Logs rule tests.

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

/** A log group with the given properties, retained. */
export function logGroup(properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'AWS::Logs::LogGroup', Properties: properties, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', ...extra };
}

/** A customer-managed key. */
export const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } };
