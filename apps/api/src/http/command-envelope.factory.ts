import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CommandEnvelope, derivedId } from '@channel-ledger/application';
import { Actor, ActorKind } from '@channel-ledger/event-store';
import { CLOCK, Clock } from '../infrastructure/clock';
import { InvalidInputException } from './invalid-input.exception';

const ACTOR_KINDS: readonly ActorKind[] = ['reseller', 'customer', 'vendor-admin', 'support', 'auditor', 'system'];
const HEADER_TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;
/** Actor ids include customers' e-mail addresses. */
const ACTOR_ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

/**
 * Turns an HTTP request into a command envelope.
 * The command id is derived from the Idempotency-Key (scoped by actor, route and body) so a
 * client retrying the same request reaches the same command and nothing is appended twice;
 * without a key every request is a new command.
 * Identity is read from `X-Actor: <kind>:<id>` until authentication lands (see README).
 */
@Injectable()
export class CommandEnvelopeFactory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  fromRequest(request: Request): CommandEnvelope {
    const actor = readActor(request);
    const errors = [];
    const key = header(request, 'idempotency-key');
    if (key !== undefined && !HEADER_TOKEN.test(key)) {
      errors.push({ field: 'header:Idempotency-Key', messages: ['must be 1-200 letters, digits or . _ : -'] });
    }
    const correlation = header(request, 'x-correlation-id');
    if (correlation !== undefined && !HEADER_TOKEN.test(correlation)) {
      errors.push({ field: 'header:X-Correlation-Id', messages: ['must be 1-200 letters, digits or . _ : -'] });
    }
    if (errors.length > 0) throw new InvalidInputException(errors);

    const commandId =
      key === undefined
        ? randomUUID()
        : derivedId(`${actor.kind}:${actor.id}|${request.method} ${request.route?.path ?? request.path}|${key}|${JSON.stringify(request.body ?? null)}`);
    return {
      commandId,
      correlationId: correlation ?? commandId,
      causationId: commandId,
      actor,
      onBehalfOf: null,
      occurredAt: this.clock.now().toISOString(),
    };
  }
}

/** The caller, from `X-Actor: <kind>:<id>`; anonymous when absent. */
export function readActor(request: Request): Actor {
  const value = header(request, 'x-actor');
  if (value === undefined) return { kind: 'anonymous', id: 'anonymous' };
  const actor = parseActor(value);
  if (!actor) {
    throw new InvalidInputException([
      { field: 'header:X-Actor', messages: [`must be <kind>:<id> with kind one of ${ACTOR_KINDS.join(', ')}`] },
    ]);
  }
  return actor;
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function parseActor(value: string): Actor | null {
  const at = value.indexOf(':');
  const kind = value.slice(0, at) as ActorKind;
  const id = value.slice(at + 1);
  return at > 0 && ACTOR_KINDS.includes(kind) && ACTOR_ID.test(id) ? { kind, id: kind === 'customer' ? id.toLowerCase() : id } : null;
}

