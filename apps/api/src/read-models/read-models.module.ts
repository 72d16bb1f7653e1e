import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { CustomerViewController } from './customer-view/customer-view.controller';
import { ResellerViewController } from './reseller-view/reseller-view.controller';

@Module({
  imports: [ProjectionsModule],
  controllers: [ResellerViewController, CustomerViewController],
})
export class ReadModelsModule {}
