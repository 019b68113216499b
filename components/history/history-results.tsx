import type { ReactNode } from "react";
import { errorMessage } from "@/components/api/request-json";
import { PAGE_SIZES } from "./history-filters";

type THistoryResultsProps = {
  noun: { one: string; many: string };
  state: { isPending: boolean; isError: boolean; error: unknown; isFetching: boolean; isPlaceholderData: boolean; refetch: () => unknown };
  rowCount: number;
  page: number;
  limit: number;
  hasNextPage: boolean;
  hasFilters: boolean;
  onNextPage: () => void;
  onFirstPage: () => void;
  onPageSize: (limit: number) => void;
  onClearFilters: () => void;
  /** The table, when there are rows. */
  children: ReactNode;
};

/** Loading, error and empty states around a history table, and the keyset pager under it. */
export function HistoryResults(props: THistoryResultsProps) {
  const { noun, state, rowCount, page, limit, hasNextPage, hasFilters } = props;
  const busy = state.isPending || (state.isFetching && state.isPlaceholderData);
  const rowsWord = rowCount === 1 ? noun.one : noun.many;

  let body: ReactNode;
  if (state.isPending) {
    body = (
      <div className="empty-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>Loading {noun.many}…</p>
      </div>
    );
  } else if (state.isError && rowCount === 0) {
    body = (
      <div className="empty-state" role="alert">
        <p className="empty-state__title">The {noun.many} could not be loaded</p>
        <p className="empty-state__detail">{errorMessage(state.error)}</p>
        <button type="button" className="button" onClick={() => void state.refetch()}>
          Try again
        </button>
      </div>
    );
  } else if (rowCount === 0) {
    body = (
      <div className="empty-state" data-testid="history-empty">
        <p className="empty-state__title">{page > 1 ? `No more ${noun.many}` : hasFilters ? `No ${noun.many} match these filters` : `No ${noun.many} recorded yet`}</p>
        <p className="empty-state__detail">{page > 1 ? "Go back to the first page." : hasFilters ? "Widen the time range or clear a filter." : ""}</p>
        {page > 1 ? (
          <button type="button" className="button" onClick={props.onFirstPage}>
            First page
          </button>
        ) : (
          hasFilters && (
            <button type="button" className="button" onClick={props.onClearFilters}>
              Clear filters
            </button>
          )
        )}
      </div>
    );
  } else {
    body = props.children;
  }

  return (
    <section className={`card card--flush history-results${busy ? " history-results--busy" : ""}`} aria-label={`${noun.many} found`} aria-busy={busy}>
      {body}
      {!state.isPending && (rowCount > 0 || page > 1) && (
        <div className="table-foot history-pager">
          <span className="table-foot__count" role="status" aria-live="polite">
            Page {page} · {rowCount} {rowsWord}
            {state.isFetching && state.isPlaceholderData ? " · loading…" : ""}
          </span>
          {state.isError && rowCount > 0 && <span className="field__error">{errorMessage(state.error)}</span>}
          <div className="history-pager__actions">
            <label className="history-pager__size">
              <span>Rows per page</span>
              <select className="input select select--compact" value={limit} onChange={(event) => props.onPageSize(Number(event.target.value))}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={props.onFirstPage} disabled={page === 1}>
              First page
            </button>
            <button type="button" className="button button--accent" onClick={props.onNextPage} disabled={!hasNextPage || busy} data-testid="history-next-page">
              Next page
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
