import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ForgetDataSubjectDto, ForgetDataSubjectResult } from './forget-data-subject.dto';

export class ForgetDataSubjectCommand extends Command<ForgetDataSubjectResult> {
  constructor(
    readonly input: ForgetDataSubjectDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
