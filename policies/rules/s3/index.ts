import sslOnly from './ssl-only';

export const S3_RULES = [sslOnly];
