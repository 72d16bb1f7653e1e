import { Module } from '@nestjs/common';
import { AddPaymentMethodController } from './add-payment-method/add-payment-method.controller';
import { AddPaymentMethodHandler } from './add-payment-method/add-payment-method.handler';
import { GetResellerController } from './get-reseller/get-reseller.controller';
import { GetResellerHandler } from './get-reseller/get-reseller.handler';
import { RegisterResellerController } from './register-reseller/register-reseller.controller';
import { RegisterResellerHandler } from './register-reseller/register-reseller.handler';
import { VerifyResellerEmailController } from './verify-reseller-email/verify-reseller-email.controller';
import { VerifyResellerEmailHandler } from './verify-reseller-email/verify-reseller-email.handler';

@Module({
  controllers: [RegisterResellerController, VerifyResellerEmailController, GetResellerController, AddPaymentMethodController],
  providers: [RegisterResellerHandler, VerifyResellerEmailHandler, GetResellerHandler, AddPaymentMethodHandler],
})
export class ResellersModule {}
