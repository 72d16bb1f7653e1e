import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_SEATS_PER_COMMAND } from '@channel-ledger/domain';
import { trimmed } from '../http/trimmed';

/** Field decorators several subscription bodies share, so the same field is checked the same way everywhere. */

/** Plan and organization ids are keys, not prose: letters, digits and . _ - ("gitlens-pro"). */
export const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function SeatCount(options: { optional?: boolean; description?: string } = {}) {
  const doc = { minimum: 1, maximum: MAX_SEATS_PER_COMMAND, description: options.description };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsInt(),
    Min(1),
    Max(MAX_SEATS_PER_COMMAND),
  );
}

export function PlanId(options: { optional?: boolean; description?: string } = {}) {
  const doc = { example: 'gitlens-teams', description: options.description };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    Transform(trimmed),
    IsString(),
    Matches(KEY, { message: 'planId must be a catalog plan id' }),
  );
}

/** One of the reseller's own payment methods; what is charged without it depends on the command (documented per route). */
export function ResellerPaymentMethodId(
  description = "One of your payment methods; without it the subscription's own method while you still have it, else your default one.",
) {
  return applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID());
}
