import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../../../projections/projections.module';
import { ResellerDashboardController, VendorDashboardController } from './dashboard.controllers';
import { DashboardOverviewHandler, DashboardTableHandler } from './dashboard.handlers';

/** The reporting dashboard's data: JSON and CSV of each table, for a vendor or one reseller. */
@Module({
  imports: [ProjectionsModule],
  controllers: [VendorDashboardController, ResellerDashboardController],
  providers: [DashboardTableHandler, DashboardOverviewHandler],
})
export class ReportingDashboardModule {}
