import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Secrets, VendorLicenseKey, vendorLicenseKey } from '@channel-ledger/application';
import { Public } from '../../access/access.decorator';

/**
 * Public by design: anyone holding a license file checks it offline against this key. The key is
 * derived per vendor id, so it is the same in every process and never needs distributing.
 */
@ApiTags('licenses')
@Controller('.well-known/vendors/:vendorId/license-key')
export class VendorLicenseKeyController {
  constructor(private readonly secrets: Secrets) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: "The vendor's Ed25519 public key for verifying its license files, as PEM (SPKI) and JWK" })
  key(@Param('vendorId') vendorId: string): VendorLicenseKey {
    return vendorLicenseKey(this.secrets, vendorId);
  }
}
