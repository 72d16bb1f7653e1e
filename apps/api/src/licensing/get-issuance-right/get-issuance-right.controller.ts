import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LedgerContext } from '@channel-ledger/application';
import { IssuanceRightFacts } from '@channel-ledger/domain';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireReadable } from '../../access/tenancy';
import { notVisible } from '../../http/not-visible';

/** The vendor's view of one right, from its stream (resellers read theirs at /resellers/:id/issuance-rights). */
@ApiTags('issuance rights')
@Controller('vendors/:vendorId/issuance-rights/:rightId')
export class GetIssuanceRightController {
  constructor(private readonly ctx: LedgerContext) {}

  @Get()
  @Allow('vendor-admin', 'support', 'auditor')
  @ApiOperation({ summary: 'One issuance right: quota, used, remaining, expiry, blocked' })
  @ApiResponse({ status: 404, description: 'problem codes: vendor-not-found, issuance-right-not-found' })
  async get(
    @Param('vendorId') vendorId: string,
    @Param('rightId') rightId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssuanceRightFacts> {
    requireReadable(principal, 'vendor-admin', vendorId, 'vendor');
    const right = await this.ctx.issuanceRight(rightId);
    if (!right || right.vendorId !== vendorId) throw notVisible('issuance right', rightId);
    return right;
  }
}
