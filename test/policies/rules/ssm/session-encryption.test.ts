import * as kms from 'aws-cdk-lib/aws-kms';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Bastion } from '../../../../constructs/network/bastion';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/ssm/session-encryption';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, statuses } from '../../rule-harness';
import { cfnPreferences, content, preferences, template, unknown } from './fixtures';

describe('SSM.SessionEncryption', () => {
  test('Compliant: Bastion defaults (its Session Manager preferences document)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L1 document with a key of the stack (no L2 exists for SSM documents)', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { kmsKeyId: new kms.Key(stack, 'Key').keyId });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 document with an alias', () => {
    const { stack } = testStack();
    cfnPreferences(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template whose content is a JSON string', () => {
    expectPass(rule, template({ Prefs: preferences({}, JSON.stringify(content())) }));
  });

  test('Not applicable: a command document and a port-forwarding session document', () => {
    const command = { Type: 'AWS::SSM::Document', Properties: { DocumentType: 'Command', Content: { schemaVersion: '2.2', mainSteps: [] } } };
    const port = { Type: 'AWS::SSM::Document', Properties: { DocumentType: 'Session', Content: { schemaVersion: '1.0', sessionType: 'Port', properties: {} } } };
    expect(statuses(rule, { Resources: { Command: command, Port: port } })).toEqual([ResultStatus.NOT_APPLICABLE, ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: Bastion preferences with the key removed by an escape hatch', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    bastion.sessionPreferencesDocument!.addPropertyOverride('Content.inputs.kmsKeyId', '');
    expectFail(rule, stack, /TLS only/);
  });

  test('Non-compliant 2: raw L1 document without kmsKeyId', () => {
    const { stack } = testStack();
    new ssm.CfnDocument(stack, 'Preferences', { documentType: 'Session', content: { schemaVersion: '1.0', sessionType: 'Standard_Stream', inputs: { idleSessionTimeout: '20' } } });
    expectFail(rule, stack, /kmsKeyId is not set/);
  });

  test('Non-compliant 3: hand-written template with an empty key', () => {
    expectFail(rule, template({ Prefs: preferences({ kmsKeyId: '' }) }), /kmsKeyId is not set/);
  });

  test('Non-compliant 4: fails closed when the key cannot be resolved', () => {
    expectFail(rule, template({ Prefs: preferences({ kmsKeyId: unknown('alias/acme/sessions', '') }) }), /could not resolve/);
  });

  test('Non-compliant 5: fails closed when the content is YAML text', () => {
    expectFail(rule, template({ Prefs: preferences({}, 'schemaVersion: "1.0"\nsessionType: Standard_Stream\n') }), /could not resolve the session document content/);
  });
});
