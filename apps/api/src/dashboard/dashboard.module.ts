import { Module } from '@nestjs/common';
import { ReportingDashboardModule } from '../read-models/reporting/dashboard/reporting-dashboard.module';
import { DashboardPagesController } from './dashboard-pages.controller';
import { PageAssets } from './page-assets';

/**
 * The reporting dashboard: its pages (/dashboard, /sign-in and their assets) and the data routes
 * they read (/reports/vendors/:vendorId/dashboard/…, /reports/resellers/:resellerId/dashboard/…).
 */
@Module({
  imports: [ReportingDashboardModule],
  controllers: [DashboardPagesController],
  providers: [{ provide: PageAssets, useFactory: () => new PageAssets() }],
})
export class DashboardModule {}
