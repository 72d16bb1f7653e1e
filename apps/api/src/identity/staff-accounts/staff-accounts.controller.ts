import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ChangeStaffAccountCommand } from './staff-accounts.commands';
import { StaffAccountDto } from './staff-accounts.dto';

/**
 * Later staff accounts, granted by staff: support grants support, auditor and operator accounts;
 * a vendor administrator grants administrators of its own vendor. The person then signs in by link.
 */
@ApiTags('staff-accounts')
@Controller('staff-accounts')
@Allow('support', 'vendor-admin')
export class StaffAccountsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post('grants')
  @HttpCode(201)
  @ApiOperation({ summary: 'Grant a staff account' })
  @ApiResponse({ status: 422, description: 'problem codes: not-permitted' })
  grant(@Body() body: StaffAccountDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.commandBus.execute(
      new ChangeStaffAccountCommand('grant', body, vendorOf(body, principal), this.envelopes.fromRequest(request)),
    );
  }

  @Post('revocations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a staff account granted earlier' })
  @ApiResponse({ status: 404, description: 'problem codes: staff-account-not-found' })
  revoke(@Body() body: StaffAccountDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.commandBus.execute(
      new ChangeStaffAccountCommand('revoke', body, vendorOf(body, principal), this.envelopes.fromRequest(request)),
    );
  }
}

function vendorOf(body: StaffAccountDto, principal: Principal): string | null {
  if (body.role !== 'vendor-admin') return null;
  return body.vendorId ?? (principal.role === 'vendor-admin' ? principal.tenantId : null);
}
