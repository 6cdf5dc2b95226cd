export * from './security-alerts';
export * from './cis-alarm-definitions';
export * from './security-alarms';
export * from './threat-detection';
export * from './audit-trail';
export * from './evidence-collector';
