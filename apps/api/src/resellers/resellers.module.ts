import { Module } from '@nestjs/common';
import { AddPaymentMethodController } from './add-payment-method/add-payment-method.controller';
import { AddPaymentMethodHandler } from './add-payment-method/add-payment-method.handler';
import { GetResellerController } from './get-reseller/get-reseller.controller';
import { GetResellerHandler } from './get-reseller/get-reseller.handler';
import { RemovePaymentMethodController } from './remove-payment-method/remove-payment-method.controller';
import { RemovePaymentMethodHandler } from './remove-payment-method/remove-payment-method.handler';
import { SetDefaultPaymentMethodController } from './set-default-payment-method/set-default-payment-method.controller';
import { SetDefaultPaymentMethodHandler } from './set-default-payment-method/set-default-payment-method.handler';
import { RegisterResellerController } from './register-reseller/register-reseller.controller';
import { RegisterResellerHandler } from './register-reseller/register-reseller.handler';
import { VerifyResellerEmailController } from './verify-reseller-email/verify-reseller-email.controller';
import { VerifyResellerEmailHandler } from './verify-reseller-email/verify-reseller-email.handler';

@Module({
  controllers: [
    RegisterResellerController,
    VerifyResellerEmailController,
    GetResellerController,
    AddPaymentMethodController,
    SetDefaultPaymentMethodController,
    RemovePaymentMethodController,
  ],
  providers: [
    RegisterResellerHandler,
    VerifyResellerEmailHandler,
    GetResellerHandler,
    AddPaymentMethodHandler,
    SetDefaultPaymentMethodHandler,
    RemovePaymentMethodHandler,
  ],
})
export class ResellersModule {}
