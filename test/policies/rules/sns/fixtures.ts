// Hand-written template fixtures shared by the SNS rule tests.

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

/** A topic with the given properties. */
export function topic(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'AWS::SNS::Topic', Properties: properties };
}

/** A topic policy on `topicId` with the given statements. */
export function topicPolicy(topicId: string, statements: unknown[]): Record<string, unknown> {
  return { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: topicId }], PolicyDocument: { Version: '2012-10-17', Statement: statements } } };
}

/** The TLS-only deny statement for `topicId`. */
export function tlsDeny(topicId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: topicId }, Condition: { Bool: { 'aws:SecureTransport': 'false' } }, ...extra };
}

/** A customer-managed key. */
export const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } };
