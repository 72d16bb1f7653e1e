import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { ForgetDataSubjectController } from './forget-data-subject/forget-data-subject.controller';
import { ForgetDataSubjectHandler } from './forget-data-subject/forget-data-subject.handler';

/** Personal data: forgetting a person (crypto-shredding, docs/auditing.md "Erasure"). */
@Module({
  imports: [ProjectionsModule],
  controllers: [ForgetDataSubjectController],
  providers: [ForgetDataSubjectHandler],
})
export class PrivacyModule {}
