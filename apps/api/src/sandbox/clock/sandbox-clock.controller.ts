import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { InvalidInputException } from '../../http/invalid-input.exception';
import { missingRoute } from '../sandbox-gate.middleware';
import { AdvanceClockDto, MAX_ADVANCE_DAYS, SetClockDto } from './sandbox-clock.dto';
import { ClockReading, SandboxClock } from './sandbox-clock';

const MINUTE_MS = 60_000;

/**
 * Operators run the sandbox and support walks customers through it; nobody else moves time.
 * The clock is process state, not a fact of the ledger: moving it records no event (the facts
 * recorded afterwards carry the sandbox time as their business time).
 */
@ApiTags('sandbox')
@Controller('sandbox/clock')
export class SandboxClockController {
  constructor(private readonly clock: SandboxClock) {}

  @Get()
  @Allow('operator', 'support')
  @ApiOperation({ summary: 'Sandbox only: the time commands are stamped with' })
  read(@Req() request: Request): ClockReading {
    this.requireSandbox(request);
    return this.clock.read();
  }

  @Put()
  @Allow('operator', 'support')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox only: set the clock to a later instant (it keeps running from there)' })
  @ApiResponse({ status: 422, description: 'problem codes: clock-cannot-go-back' })
  set(@Body() body: SetClockDto, @Req() request: Request): ClockReading {
    this.requireSandbox(request);
    return this.clock.setTo(new Date(body.now));
  }

  @Post('advance')
  @Allow('operator', 'support')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox only: move the clock forward by days, hours and/or minutes' })
  advance(@Body() body: AdvanceClockDto, @Req() request: Request): ClockReading {
    this.requireSandbox(request);
    const minutes = (body.days ?? 0) * 24 * 60 + (body.hours ?? 0) * 60 + (body.minutes ?? 0);
    if (minutes === 0 || minutes > MAX_ADVANCE_DAYS * 24 * 60) {
      throw new InvalidInputException([
        { field: 'days', messages: [`give days, hours and/or minutes adding up to more than 0 and at most ${MAX_ADVANCE_DAYS} days`] },
      ]);
    }
    return this.clock.advance(minutes * MINUTE_MS);
  }

  @Delete()
  @Allow('operator', 'support')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox only: back to real time (facts recorded at sandbox times stay as they are)' })
  reset(@Req() request: Request): ClockReading {
    this.requireSandbox(request);
    return this.clock.reset();
  }

  /** The gate already answered for a disabled sandbox; this holds even if the routes were mounted without it. */
  private requireSandbox(request: Request): void {
    if (!this.clock.enabled) throw missingRoute(request);
  }
}
