import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AuditTrailController } from './audit-trail/audit-trail.controller';
import { CustomerViewController } from './customer-view/customer-view.controller';
import { ReportingController } from './reporting/reporting.controller';
import { ResellerViewController } from './reseller-view/reseller-view.controller';

@Module({
  imports: [ProjectionsModule],
  controllers: [ResellerViewController, CustomerViewController, AuditTrailController, ReportingController],
})
export class ReadModelsModule {}
