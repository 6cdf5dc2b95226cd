import { Severity, Unresolved, defineRule, fail, notApplicable, pass, unresolved } from '../../../lib/engine';

/**
 * Date (UTC, `YYYY-MM-DD`) on which Lambda deprecates each managed runtime: after it the runtime gets no
 * security patches. Past dates are deprecated runtimes; future ones are the projected dates AWS
 * publishes. Source: "Lambda runtimes", supported and deprecated runtime tables
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), checked Dec 2026; update this
 * list when AWS adds a runtime or moves a date. A runtime missing from the list fails (closed).
 */
export const RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  'nodejs': '2016-10-31',
  'nodejs4.3': '2020-03-06',
  'nodejs4.3-edge': '2019-04-30',
  'nodejs6.10': '2019-08-12',
  'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30',
  'nodejs12.x': '2023-03-31',
  'nodejs14.x': '2023-12-04',
  'nodejs16.x': '2024-06-12',
  'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'nodejs22.x': '2027-04-30',
  'nodejs24.x': '2028-04-30',
  'python2.7': '2021-07-15',
  'python3.6': '2022-07-18',
  'python3.7': '2023-12-04',
  'python3.8': '2024-10-14',
  'python3.9': '2025-12-15',
  'python3.10': '2026-06-30',
  'python3.11': '2026-06-30',
  'python3.12': '2028-10-31',
  'python3.13': '2029-06-30',
  'python3.14': '2029-06-30',
  'java8': '2024-01-08',
  'java8.al2': '2026-06-30',
  'java11': '2026-06-30',
  'java17': '2026-06-30',
  'java21': '2029-06-30',
  'java25': '2029-06-30',
  'dotnetcore1.0': '2019-07-30',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore3.1': '2023-04-03',
  'dotnet5.0': '2022-05-10',
  'dotnet6': '2024-12-20',
  'dotnet7': '2024-05-14',
  'dotnet8': '2026-11-10',
  'dotnet10': '2028-11-14',
  'ruby2.5': '2021-07-30',
  'ruby2.7': '2023-12-07',
  'ruby3.2': '2026-03-31',
  'ruby3.3': '2027-03-31',
  'ruby3.4': '2028-03-31',
  'go1.x': '2024-01-08',
  'provided': '2024-01-08',
  'provided.al2': '2026-06-30',
  'provided.al2023': '2029-06-30',
};

/**
 * Lambda functions use a runtime that Lambda still supports: one whose deprecation date (see
 * `RUNTIME_DEPRECATION`) lies after the day of the check. Container-image functions choose their
 * runtime in the image and are not judged. The check reads today's date, so a runtime starts failing on
 * the day it is deprecated.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2
 */
export default defineRule({
  id: 'Lambda.SupportedRuntime',
  severity: Severity.ERROR,
  title: 'Lambda functions use a supported runtime',
  fix: 'Move the function to a current runtime, for example lambda.Runtime.NODEJS_24_X or PYTHON_3_13 (the baseline\'s handlers use the newest Node.js)',
  resourceTypes: ['AWS::Lambda::Function'],
  controls: {
    'fsbp': ['Lambda.2'],
    'pci-dss-4.0': ['6.3.3'],
    'nist-800-53-r5': ['SI-2(2)', 'SI-2(5)', 'CM-2(b)'],
    'iso-27001-2022': ['A.8.8', 'A.8.19'],
    'nist-csf-2.0': ['PR.PS-02', 'ID.RA-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-L1'] },
  check: (fn) => {
    if (fn.properties.PackageType === 'Image') return notApplicable('a container image function: the image sets its runtime');
    const runtime = fn.properties.Runtime;
    if (runtime instanceof Unresolved) return unresolved('the runtime', runtime, 'Runtime');
    if (typeof runtime !== 'string') return unresolved('the runtime', new Unresolved(runtime === undefined ? 'no Runtime' : 'a Runtime that is not a string'), 'Runtime');
    const date = RUNTIME_DEPRECATION[runtime];
    if (date === undefined) return unresolved('the runtime\'s support status', new Unresolved(`${runtime} is not in this rule's runtime list`), 'Runtime');
    const today = new Date().toISOString().slice(0, 10);
    if (date <= today) return fail(`${runtime} was deprecated on ${date}: it gets no security patches`, 'Runtime');
    return pass(`${runtime} is supported until ${date}`);
  },
});
