// Evidence files: written atomically (a temporary file in the same folder, flushed, then renamed, so a
// run that dies halfway leaves no half-written file), read back with their schema version and digest
// checked.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
// Module by module, not the barrel: reading evidence must not load the AWS SDK the collectors use.
import { digestOf } from '../lambda/evidence/digest';
import { EVIDENCE_SCHEMA_VERSION, EvidenceDocument } from '../lambda/evidence/types';

/** Write `doc` to `file` atomically. The JSON is pretty-printed, one trailing newline. */
export function writeEvidenceFile(file: string, doc: EvidenceDocument): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, `${JSON.stringify(doc, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Read and check an evidence file: it must parse, carry a schema version of the major we read, and
 * its digest must match its content. Throws with the file, what is wrong and what to do.
 */
export function readEvidenceFile(file: string): EvidenceDocument {
  let doc: any;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`evidence file ${file}: cannot read it as JSON (${(e as Error).message}); collect it again with 'security-baseline evidence collect'`);
  }
  return checkEvidence(doc, `evidence file ${file}`);
}

/** Check a parsed evidence document (schema major, digest). */
export function checkEvidence(doc: any, where = 'evidence'): EvidenceDocument {
  const major = (v: unknown) => String(v).split('.')[0];
  if (typeof doc !== 'object' || doc === null || typeof doc.schemaVersion !== 'string') {
    throw new Error(`${where}: not an evidence document (no schemaVersion); collect it with 'security-baseline evidence collect'`);
  }
  if (major(doc.schemaVersion) !== major(EVIDENCE_SCHEMA_VERSION)) {
    throw new Error(`${where}: schemaVersion ${doc.schemaVersion} is not readable by this version (reads ${major(EVIDENCE_SCHEMA_VERSION)}.x); collect it again with this version`);
  }
  const expected = digestOf(doc);
  if (doc.digest?.algorithm !== 'sha256' || doc.digest?.value !== expected) {
    throw new Error(`${where}: the SHA-256 digest does not match the content (the file was changed or cut short); collect it again`);
  }
  return doc as EvidenceDocument;
}

