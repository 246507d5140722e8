/** Mirrors Regentra.Framework.Paging.PagedResult: one page of a list and how many there are in all. */
export interface Paged<T> {
  items: T[];
  totalCount: number;
}
