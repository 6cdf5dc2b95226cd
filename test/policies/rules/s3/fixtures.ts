// Hand-written template fixtures shared by the S3 rule tests.

/** A template whose condition `Unknown` depends on a parameter with no default (so `Fn::If` on it cannot be resolved). */
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

/** A bucket with the given properties. */
export function bucket(properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'AWS::S3::Bucket', Properties: properties, ...extra };
}

/** A bucket policy on `bucketId` with the given statements. */
export function bucketPolicy(bucketId: string, statements: unknown[]): Record<string, unknown> {
  return {
    Type: 'AWS::S3::BucketPolicy',
    Properties: { Bucket: { Ref: bucketId }, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
  };
}

/** The bucket's ARN and its objects' ARN pattern. */
export function bucketAndObjects(bucketId: string): unknown[] {
  return [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }];
}

/** A customer-managed key resource. */
export const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [] } } };
