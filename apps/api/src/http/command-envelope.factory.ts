import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CommandEnvelope, derivedId } from '@channel-ledger/application';
import { Actor } from '@channel-ledger/event-store';
import { AuthenticatedRequest } from '../access/current-principal.decorator';
import { actingPartyOf, principalOnBehalfOf, recordedActor } from '../access/principal';
import { CLOCK, Clock } from '../infrastructure/clock';
import { InvalidInputException } from './invalid-input.exception';

const HEADER_TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Turns an HTTP request into a command envelope.
 * The command id is derived from the Idempotency-Key (scoped by caller, route and body) so a
 * client retrying the same request reaches the same command and nothing is appended twice;
 * without a key every request is a new command. The actor is the principal the access guard
 * verified (anonymous on a public route called without credentials).
 */
@Injectable()
export class CommandEnvelopeFactory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  fromRequest(request: Request): CommandEnvelope {
    const principal = (request as AuthenticatedRequest).principal;
    const actor: Actor = principal ? recordedActor(principal) : { kind: 'anonymous', id: 'anonymous' };
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
        : derivedId(
            `${actor.kind}:${actor.id}|${request.method} ${request.route?.path ?? request.path}|${key}|${JSON.stringify(request.body ?? null)}`,
          );
    return {
      commandId,
      correlationId: correlation ?? commandId,
      causationId: commandId,
      actor,
      onBehalfOf: principal ? principalOnBehalfOf(principal) : null,
      actingAs: principal ? actingPartyOf(principal) : actor,
      // The business time of this request. A retry (same command id) carries a later one, and so
      // may decide other data (addedAt, a deadline); that is fine: the pipeline answers every
      // command id it has seen, even one it races with its first attempt, from the log, so a
      // retry's answer holds the first attempt's events, byte for byte, and nothing is written twice.
      occurredAt: this.clock.now().toISOString(),
    };
  }
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
