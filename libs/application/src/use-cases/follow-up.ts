import { CommandEnvelope } from '../pipeline/command-envelope';
import { derivedId } from '../pipeline/derived-id';

/** The envelope of a command that one command causes (e.g. consuming a right to issue a license). */
export function followUp(envelope: CommandEnvelope, step: string): CommandEnvelope {
  return { ...envelope, commandId: derivedId(`${step}|${envelope.commandId}`), causationId: envelope.commandId };
}
