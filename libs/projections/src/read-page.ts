/** Paging shared by the read helpers of the read models: the read store's cursor, passed through. */
export interface PageOptions {
  /** `nextCursor` of the previous page of the same query. */
  cursor?: string | null;
  /** 1..1000, default 100. */
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** null on the last page. */
  nextCursor: string | null;
}
