// Session Manager preferences fixtures shared by the SSM rule tests.
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

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

/** Secure Session Manager preferences inputs. */
export const SECURE_INPUTS = {
  s3BucketName: '',
  s3EncryptionEnabled: true,
  cloudWatchLogGroupName: 'session-logs',
  cloudWatchEncryptionEnabled: true,
  cloudWatchStreamingEnabled: true,
  kmsKeyId: 'alias/acme/sessions',
  idleSessionTimeout: '20',
};

/** The preferences document content with `inputs` merged over SECURE_INPUTS. */
export function content(inputs: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: '1.0', sessionType: 'Standard_Stream', inputs: { ...SECURE_INPUTS, ...inputs } };
}

/** A hand-written preferences document resource. */
export function preferences(inputs: Record<string, unknown> = {}, contentValue: unknown = content(inputs)): Record<string, unknown> {
  return { Type: 'AWS::SSM::Document', Properties: { Name: 'SSM-SessionManagerRunShell', DocumentType: 'Session', DocumentFormat: 'JSON', Content: contentValue } };
}

/** A raw L1 preferences document. */
export function cfnPreferences(scope: Construct, inputs: Record<string, unknown> = {}): ssm.CfnDocument {
  return new ssm.CfnDocument(scope, 'Preferences', { name: 'SSM-SessionManagerRunShell', documentType: 'Session', documentFormat: 'JSON', content: content(inputs) });
}
