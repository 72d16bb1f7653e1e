import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LicenseFile } from '@channel-ledger/application';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { actingPartyOf, Principal } from '../../access/principal';
import { DownloadLicenseFileQuery } from './download-license-file.query';

@ApiTags('licenses')
@Controller('licenses/:licenseId/file')
export class DownloadLicenseFileController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('customer', 'reseller', 'support')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      "The license file signed with the vendor's Ed25519 key, verifiable offline (docs/license-files.md); the same bytes on every download",
  })
  @ApiResponse({ status: 200, description: 'An armored CHANNEL-LEDGER LICENSE file' })
  @ApiResponse({ status: 404, description: 'problem codes: license-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: license-revoked' })
  async download(
    @Param('licenseId') licenseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file: LicenseFile = await this.queryBus.execute(new DownloadLicenseFileQuery(licenseId, actingPartyOf(principal)));
    // attachment() guesses a type from the .lic extension; the file is text, so say so afterwards.
    response.attachment(file.fileName);
    response.type('text/plain; charset=utf-8');
    return file.content;
  }
}
