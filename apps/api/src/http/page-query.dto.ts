import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Cursor pagination shared by every list endpoint: pass `nextCursor` back as `cursor`. */
export class PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
