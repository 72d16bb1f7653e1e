import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@channel-ledger/application';
import { AccessGuard } from './access/access.guard';
import { DashboardModule } from './dashboard/dashboard.module';
import { AuditModule } from './audit/audit.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RateLimitGuard, rateLimitModule } from './http/rate-limit';
import { IdentityModule } from './identity/identity.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { LicensingModule } from './licensing/licensing.module';
import { MailModule } from './mail/mail.module';
import { OperationsModule } from './operations/operations.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProcessesModule } from './processes/processes.module';
import { ProjectionsModule } from './projections/projections.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ResellersModule } from './resellers/resellers.module';
import { SandboxModule } from './sandbox/sandbox.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config),
        IdentityModule,
        MailModule,
        ProjectionsModule,
        ProcessesModule,
        ReadModelsModule,
        ResellersModule,
        OrganizationsModule,
        PrivacyModule,
        SubscriptionsModule,
        LicensingModule,
        SandboxModule,
        OperationsModule.forRoot(config),
        DashboardModule,
        AuditModule,
        rateLimitModule(),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard }, // after AccessGuard: it reads the principal
      ],
    };
  }
}
