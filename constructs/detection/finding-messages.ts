/**
 * One value taken from a finding event and put into an alert message.
 */
export interface FindingMessageField {
  /** Placeholder name: `<name>` in the message lines is replaced by the value. */
  readonly name: string;
  /** EventBridge input path (JSONPath subset: `$.a.b[0].c`) of the value in the event. */
  readonly path: string;
}

/**
 * A message template for an EventBridge input transformer, kept as data so it can be tested
 * against real finding events without deploying anything.
 *
 * `<name>` in a line is replaced by the event value at the field's path (EventBridge does this at
 * delivery); `{consoleHost}` is replaced at synth by the AWS console host of the stack's partition.
 */
export interface FindingMessageTemplate {
  /** Which finding source the template is for. */
  readonly source: string;
  /** Values taken from the event. */
  readonly fields: FindingMessageField[];
  /** Message lines, in order. */
  readonly lines: string[];
}

/** Placeholder for the console host name (`console.aws.amazon.com` in the `aws` partition). */
export const CONSOLE_HOST_PLACEHOLDER = '{consoleHost}';

/**
 * Alert message for a GuardDuty finding event (`detail-type: GuardDuty Finding`).
 *
 * Says which finding (title and type), how severe, in which account and Region, on which kind of
 * resource, and links to the finding in the GuardDuty console.
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/monitor-with-eventbridge.html
 */
export const GUARDDUTY_FINDING_MESSAGE: FindingMessageTemplate = {
  source: 'aws.guardduty',
  fields: [
    { name: 'title', path: '$.detail.title' },
    { name: 'type', path: '$.detail.type' },
    { name: 'severity', path: '$.detail.severity' },
    { name: 'account', path: '$.detail.accountId' },
    { name: 'region', path: '$.detail.region' },
    { name: 'resourceType', path: '$.detail.resource.resourceType' },
    { name: 'findingId', path: '$.detail.id' },
    { name: 'lastSeen', path: '$.detail.service.eventLastSeen' },
  ],
  lines: [
    'GuardDuty finding, severity <severity> (Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10): <title>',
    'Finding type: <type>',
    'Account: <account>, Region: <region>',
    'Resource type: <resourceType>',
    'Last seen: <lastSeen>',
    'Finding id: <findingId>',
    `Open in the console: https://${CONSOLE_HOST_PLACEHOLDER}/guardduty/home?region=<region>#/findings?search=id%3D<findingId>`,
  ],
};

/**
 * Alert message for a Security Hub control finding event (`detail-type: Security Hub Findings -
 * Imported`).
 *
 * Security Hub sends one finding per event in `detail.findings[0]`. With consolidated control
 * findings on (`ControlFindingGenerator: SECURITY_CONTROL`), `Compliance.SecurityControlId` names
 * the control (for example `S3.8`), so the link opens the control and its failed resources.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html
 */
export const SECURITY_HUB_FINDING_MESSAGE: FindingMessageTemplate = {
  source: 'aws.securityhub',
  fields: [
    { name: 'title', path: '$.detail.findings[0].Title' },
    { name: 'severity', path: '$.detail.findings[0].Severity.Label' },
    { name: 'control', path: '$.detail.findings[0].Compliance.SecurityControlId' },
    { name: 'compliance', path: '$.detail.findings[0].Compliance.Status' },
    { name: 'account', path: '$.detail.findings[0].AwsAccountId' },
    { name: 'region', path: '$.detail.findings[0].Region' },
    { name: 'resourceType', path: '$.detail.findings[0].Resources[0].Type' },
    { name: 'resourceId', path: '$.detail.findings[0].Resources[0].Id' },
    { name: 'findingId', path: '$.detail.findings[0].Id' },
  ],
  lines: [
    'Security Hub finding, severity <severity>: <title>',
    'Control: <control>, compliance status: <compliance>',
    'Account: <account>, Region: <region>',
    'Resource: <resourceType> <resourceId>',
    'Finding id: <findingId>',
    `Open the control in the console: https://${CONSOLE_HOST_PLACEHOLDER}/securityhub/home?region=<region>#/controls/<control>`,
  ],
};

/**
 * Value at an EventBridge input path (`$.a.b[0].c`) in an event, or `undefined` when the path does
 * not exist. Used by tests and by `renderFindingMessage` to show what a person will read.
 */
export function valueAtPath(event: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  const steps = path
    .slice(1)
    .split(/\.|(?=\[)/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const index = /^\[(\d+)\]$/.exec(s);
      return index ? Number(index[1]) : s;
    });
  let current: unknown = event;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/**
 * The message a person receives for `event`, rendered the way the EventBridge input transformer
 * renders the template (one line per template line).
 */
export function renderFindingMessage(template: FindingMessageTemplate, event: unknown, consoleHost: string): string {
  const values = new Map(template.fields.map((f) => [f.name, valueAtPath(event, f.path)]));
  return template.lines
    .map((line) =>
      line
        .split(CONSOLE_HOST_PLACEHOLDER)
        .join(consoleHost)
        .replace(/<([A-Za-z0-9_-]+)>/g, (whole, name: string) => (values.has(name) ? String(values.get(name) ?? '') : whole)),
    )
    .join('\n');
}
