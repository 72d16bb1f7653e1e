import { IsString, Length, Matches } from 'class-validator';

export class VerifyResellerEmailDto {
  @IsString()
  @Length(16, 200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token must be the token from the verification e-mail' })
  token!: string;
}
