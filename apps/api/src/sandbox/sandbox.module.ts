import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { SandboxClock } from './clock/sandbox-clock';
import { SandboxClockController } from './clock/sandbox-clock.controller';
import { SandboxGate } from './sandbox-gate.middleware';

/** Sandbox tools (the test clock); the routes exist only where `testClock` is configured (never in production). */
@Module({ controllers: [SandboxClockController], providers: [SandboxClock, SandboxGate] })
export class SandboxModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SandboxGate).forRoutes(SandboxClockController);
  }
}
