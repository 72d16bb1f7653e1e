import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@channel-ledger/application';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ProjectionsModule } from './projections/projections.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ResellersModule } from './resellers/resellers.module';

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config), ProjectionsModule, ReadModelsModule, ResellersModule],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
