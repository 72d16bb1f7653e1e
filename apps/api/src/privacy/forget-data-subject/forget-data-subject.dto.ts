import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class ForgetDataSubjectDto {
  /** The person's address: it is hashed (keyed) at once and never recorded. */
  @ApiProperty({ example: 'it@globex.example' })
  @Transform(trimmed)
  @IsEmail()
  email!: string;

  /** Recorded in the log (the request's reference, the legal ground), so keep it free of personal data. */
  @ApiProperty({ maxLength: 1000, description: 'Why this person is forgotten (e.g. the erasure request reference)' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ForgetDataSubjectResult {
  /** The keyed hash that names the person in the log from now on. */
  @ApiProperty() subjectId!: string;
  /** False when there was no key (already forgotten, or nothing personal was ever recorded). */
  @ApiProperty() keyDeleted!: boolean;
  /** False on a repeat of the same Idempotency-Key. */
  @ApiProperty() recorded!: boolean;
  /** Projections whose rebuild was started (GET /projections shows them); empty when they run in the projector. */
  @ApiProperty({ type: [String] }) rebuilding!: string[];
}
