import { useId, type ReactNode } from "react";
import { errorMessage } from "@/components/api/request-json";
import { PAGE_SIZES } from "./history-filters";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { FieldError } from "@/components/ui/field";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { TableCount, TableFoot } from "@/components/ui/table";
import tableStyles from "./history-table.module.css";
import styles from "./history-results.module.css";

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
  const pageSizeId = useId();
  const busy = state.isPending || (state.isFetching && state.isPlaceholderData);
  const rowsWord = rowCount === 1 ? noun.one : noun.many;

  let body: ReactNode;
  if (state.isPending) {
    body = (
      <QueryState state="loading" size="page">
        <p>Loading {noun.many}…</p>
      </QueryState>
    );
  } else if (state.isError && rowCount === 0) {
    body = (
      <QueryState state="error" size="page" title={<>The {noun.many} could not be loaded</>} detail={errorMessage(state.error)}>
        <Button onClick={() => void state.refetch()}>Try again</Button>
      </QueryState>
    );
  } else if (rowCount === 0) {
    body = (
      <QueryState
        state="empty"
        size="page"
        data-testid="history-empty"
        title={page > 1 ? `No more ${noun.many}` : hasFilters ? `No ${noun.many} match these filters` : `No ${noun.many} recorded yet`}
        detail={page > 1 ? "Go back to the first page." : hasFilters ? "Widen the time range or clear a filter." : ""}
      >
        {page > 1 ? (
          <Button onClick={props.onFirstPage}>First page</Button>
        ) : (
          hasFilters && <Button onClick={props.onClearFilters}>Clear filters</Button>
        )}
      </QueryState>
    );
  } else {
    body = props.children;
  }

  return (
    <Card flush className={busy ? tableStyles.busy : undefined} aria-label={`${noun.many} found`} aria-busy={busy}>
      {body}
      {!state.isPending && (rowCount > 0 || page > 1) && (
        <TableFoot className={styles.pager}>
          <TableCount role="status" aria-live="polite">
            Page {page} · {rowCount} {rowsWord}
            {state.isFetching && state.isPlaceholderData ? " · loading…" : ""}
          </TableCount>
          {state.isError && rowCount > 0 && <FieldError as="span">{errorMessage(state.error)}</FieldError>}
          <div className={styles.actions}>
            <label className={styles.size} htmlFor={pageSizeId}>
              <span>Rows per page</span>
              <Select
                id={pageSizeId}
                controlSize="responsive"
                value={limit}
                onChange={(event) => props.onPageSize(Number(event.target.value))}
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </Select>
            </label>
            <Button onClick={props.onFirstPage} disabled={page === 1}>
              First page
            </Button>
            <Button variant="accent" onClick={props.onNextPage} disabled={!hasNextPage || busy} data-testid="history-next-page">
              Next page
            </Button>
          </div>
        </TableFoot>
      )}
    </Card>
  );
}
