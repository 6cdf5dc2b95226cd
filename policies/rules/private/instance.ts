// Shared reading of instance settings that live on the instance or on the launch template it uses.
import { Resource, TemplateSet, Unresolved, isPlainObject } from '../../../lib/engine';
import { launchTemplateOf } from './network';

/** Where a setting of an instance or launch template was read. */
export interface Setting {
  /** The value (undefined when neither the instance nor its launch template sets it). */
  readonly value: unknown;
  /** The property path on the judged resource, for a finding. */
  readonly path: string;
  /** Where it came from: the resource itself, or its launch template. */
  readonly source: string;
}

/**
 * The `MetadataOptions` field of an instance (its own, else its launch template's) or of a launch
 * template (`LaunchTemplateData.MetadataOptions`). An `Unresolved` when the launch template is not in
 * the set.
 */
export function metadataOption(set: TemplateSet, resource: Resource, field: string): Setting | Unresolved {
  if (resource.type === 'AWS::EC2::LaunchTemplate') {
    return { value: fieldOf(resource.properties.LaunchTemplateData, 'MetadataOptions', field), path: `LaunchTemplateData.MetadataOptions.${field}`, source: 'the launch template' };
  }
  const own = fieldOf(resource.properties, 'MetadataOptions', field);
  if (own !== undefined) return { value: own, path: `MetadataOptions.${field}`, source: 'the instance' };
  const template = launchTemplateOf(set, resource);
  if (template instanceof Unresolved) return template;
  if (template === undefined) return { value: undefined, path: `MetadataOptions.${field}`, source: 'the instance' };
  return { value: fieldOf(template.properties.LaunchTemplateData, 'MetadataOptions', field), path: `MetadataOptions.${field}`, source: `launch template ${template.logicalId}` };
}

function fieldOf(parent: unknown, object: string, field: string): unknown {
  if (parent instanceof Unresolved) return parent;
  if (!isPlainObject(parent)) return undefined;
  const o = parent[object];
  if (o instanceof Unresolved) return o;
  return isPlainObject(o) ? o[field] : undefined;
}

/** The EBS block device mappings of an instance, launch template or volume, with their paths. */
export interface EbsDevice {
  readonly path: string;
  readonly encrypted: unknown;
  readonly kmsKeyId: unknown;
  readonly name: string;
}

/**
 * EBS volumes the resource defines: a volume itself, or each `BlockDeviceMappings` entry with `Ebs`.
 * `undefined` when the resource defines no block devices (the AMI's then apply). An instance without
 * mappings of its own uses its launch template's, when the set has it.
 */
export function ebsDevices(set: TemplateSet, resource: Resource): EbsDevice[] | Unresolved | undefined {
  const p = resource.properties;
  if (resource.type === 'AWS::EC2::Volume') return [{ path: 'Encrypted', encrypted: p.Encrypted, kmsKeyId: p.KmsKeyId, name: 'the volume' }];
  let mappings: unknown;
  let prefix: string;
  if (resource.type === 'AWS::EC2::LaunchTemplate') {
    const data = p.LaunchTemplateData;
    if (data instanceof Unresolved) return data;
    mappings = isPlainObject(data) ? data.BlockDeviceMappings : undefined;
    prefix = 'LaunchTemplateData.BlockDeviceMappings';
  } else {
    mappings = p.BlockDeviceMappings;
    prefix = 'BlockDeviceMappings';
    if (mappings === undefined) {
      const template = launchTemplateOf(set, resource);
      if (template instanceof Unresolved) return template;
      if (template) {
        const data = template.properties.LaunchTemplateData;
        mappings = isPlainObject(data) ? data.BlockDeviceMappings : undefined;
      }
    }
  }
  if (mappings === undefined) return undefined;
  if (!Array.isArray(mappings)) return mappings instanceof Unresolved ? mappings : new Unresolved('BlockDeviceMappings that is not a list');
  const devices: EbsDevice[] = [];
  mappings.forEach((m, i) => {
    if (!isPlainObject(m) || m.NoDevice !== undefined || m.VirtualName !== undefined) return;
    const ebs = isPlainObject(m.Ebs) ? m.Ebs : {};
    devices.push({ path: `${prefix}.${i}.Ebs`, encrypted: ebs.Encrypted, kmsKeyId: ebs.KmsKeyId, name: `device ${String(m.DeviceName ?? i)}` });
  });
  return devices;
}

/** True when some instance of the set uses this launch template. */
export function usedByInstance(set: TemplateSet, template: Resource): boolean {
  return set.ofType('AWS::EC2::Instance').some((i) => launchTemplateOf(set, i) === template);
}
