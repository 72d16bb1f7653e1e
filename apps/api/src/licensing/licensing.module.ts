import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { BlockIssuanceRightController } from './block-issuance-right/block-issuance-right.controller';
import { BlockIssuanceRightHandler } from './block-issuance-right/block-issuance-right.handler';
import { ChangePlanPriceController } from './change-plan-price/change-plan-price.controller';
import { ChangePlanPriceHandler } from './change-plan-price/change-plan-price.handler';
import { DeliverLicenseController } from './deliver-license/deliver-license.controller';
import { DeliverLicenseHandler } from './deliver-license/deliver-license.handler';
import { DownloadLicenseFileController } from './download-license-file/download-license-file.controller';
import { DownloadLicenseFileHandler } from './download-license-file/download-license-file.handler';
import { ExtendIssuanceRightController } from './extend-issuance-right/extend-issuance-right.controller';
import { ExtendIssuanceRightHandler } from './extend-issuance-right/extend-issuance-right.handler';
import { GetIssuanceRightController } from './get-issuance-right/get-issuance-right.controller';
import { GetLicenseController } from './get-license/get-license.controller';
import { GetLicenseHandler } from './get-license/get-license.handler';
import { GrantIssuanceRightController } from './grant-issuance-right/grant-issuance-right.controller';
import { GrantIssuanceRightHandler } from './grant-issuance-right/grant-issuance-right.handler';
import { IssueLicenseController } from './issue-license/issue-license.controller';
import { IssueLicenseHandler } from './issue-license/issue-license.handler';
import { ListPlansController } from './list-plans/list-plans.controller';
import { ListPlansHandler } from './list-plans/list-plans.handler';
import { PublishPlanController } from './publish-plan/publish-plan.controller';
import { PublishPlanHandler } from './publish-plan/publish-plan.handler';
import { ReadModelResellerDirectory, RESELLER_DIRECTORY } from './reseller-directory';
import { RetirePlanController } from './retire-plan/retire-plan.controller';
import { RetirePlanHandler } from './retire-plan/retire-plan.handler';
import { RevokeLicenseController } from './revoke-license/revoke-license.controller';
import { RevokeLicenseHandler } from './revoke-license/revoke-license.handler';
import { VendorLicenseKeyController } from './vendor-license-key/vendor-license-key.controller';

/** The vendor's catalog, license issuance rights, and licenses with their signed files. */
@Module({
  imports: [ProjectionsModule],
  controllers: [
    PublishPlanController,
    ListPlansController,
    ChangePlanPriceController,
    RetirePlanController,
    GrantIssuanceRightController,
    GetIssuanceRightController,
    BlockIssuanceRightController,
    ExtendIssuanceRightController,
    IssueLicenseController,
    GetLicenseController,
    DeliverLicenseController,
    RevokeLicenseController,
    DownloadLicenseFileController,
    VendorLicenseKeyController,
  ],
  providers: [
    PublishPlanHandler,
    ListPlansHandler,
    ChangePlanPriceHandler,
    RetirePlanHandler,
    GrantIssuanceRightHandler,
    BlockIssuanceRightHandler,
    ExtendIssuanceRightHandler,
    IssueLicenseHandler,
    GetLicenseHandler,
    DeliverLicenseHandler,
    RevokeLicenseHandler,
    DownloadLicenseFileHandler,
    { provide: RESELLER_DIRECTORY, useClass: ReadModelResellerDirectory },
  ],
})
export class LicensingModule {}
