// Shared reading of the Session Manager preferences document (AWS::SSM::Document of type Session).
import { Outcome, Resource, Unresolved, isPlainObject, notApplicable, unresolved } from '../../../lib/engine';

/**
 * The `inputs` of a Session Manager preferences document (DocumentType `Session`, sessionType
 * `Standard_Stream`), a not-applicable outcome for any other document, or an unresolved outcome
 * when the document cannot be read. Content written as a JSON string is parsed; YAML text cannot be
 * read here and fails closed.
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-configure-preferences-cli.html
 */
export function sessionPreferencesInputs(document: Resource): Record<string, unknown> | Outcome {
  const type = document.properties.DocumentType;
  if (type instanceof Unresolved) return unresolved('the document type', type, 'DocumentType');
  if (type !== 'Session') return notApplicable('the document is not a Session Manager document');
  let content = document.properties.Content;
  if (content instanceof Unresolved) return unresolved('the session document content', content, 'Content');
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content);
    } catch {
      return unresolved('the session document content', new Unresolved('content is text that is not JSON (YAML is not read)'), 'Content');
    }
  }
  if (!isPlainObject(content)) return unresolved('the session document content', new Unresolved('content is not an object'), 'Content');
  const sessionType = content.sessionType;
  if (sessionType instanceof Unresolved) return unresolved('the session type', sessionType, 'Content.sessionType');
  if (sessionType !== 'Standard_Stream') return notApplicable(`the document is a ${String(sessionType)} session document, not the Session Manager preferences`);
  const inputs = content.inputs;
  if (inputs instanceof Unresolved) return unresolved('the session preferences', inputs, 'Content.inputs');
  return isPlainObject(inputs) ? inputs : {};
}

/** True when the value is an `Outcome` rather than the inputs. */
export function isOutcome(value: Record<string, unknown> | Outcome): value is Outcome {
  return typeof value.status === 'string' && typeof value.message === 'string';
}

/** True when an input is set: a non-empty string, or a reference. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
