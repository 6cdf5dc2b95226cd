/**
 * Framework catalogs as data: every control of a framework, whether or not a rule maps to it.
 *
 * A rule's `controls` map names controls by framework id and control id; the catalog test proves every
 * mapped id exists here. Titles are short and in our own words (never copied control text).
 */

/** Where a control's primary evidence lives. */
export enum ControlKind {
  /** A synthesized template can show it: resource properties or account-level resources. */
  TEMPLATE = 'template',
  /** Only the live account can show it (the `evidence` collectors). */
  RUNTIME = 'runtime',
  /** People and paper: needs manual attestation. */
  PROCESS = 'process',
}

/** One control of a framework. */
export interface Control {
  /** The framework's own id for the control, for example `3.5` or `A.8.24` or `AU-9`. */
  readonly id: string;
  /** A short title, in our own words. */
  readonly title: string;
  /** The control's family or section, for example `Logging` or `AU` or `Technological controls`. */
  readonly family: string;
  /** Where the control's primary evidence lives. */
  readonly kind: ControlKind;
}

/** A framework catalog. */
export interface Framework {
  /** Stable id used in rule mappings and on the CLI, for example `cis-aws-3.0`. */
  readonly id: string;
  /** Display name, for example `CIS AWS Foundations Benchmark`. */
  readonly name: string;
  /** Version of the framework, for example `3.0.0`. */
  readonly version: string;
  /** Every control of the framework (or, where stated in `scope`, of the covered part). */
  readonly controls: readonly Control[];
  /** What part of the framework the catalog covers, when it is not the whole framework. */
  readonly scope?: string;
}
