import type { ReactNode } from "react";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "./button";
import { QueryState } from "./query-state";

/** What DataSection reads of a TanStack query (useQuery and useInfiniteQuery results both fit). */
type TQueryLike<TData> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: TData | undefined;
  refetch: () => unknown;
};

/** The empty state: what is (not) there, what to do, and a button that does it (e.g. "Clear filters"). */
type TEmptyState = { title: ReactNode; detail?: ReactNode; action?: ReactNode; testId?: string };

type TDataSectionProps<TData> = {
  query: TQueryLike<TData>;
  size?: "panel" | "page" | "inline";
  /** Beside the spinner: "Loading users…". */
  loading: ReactNode;
  /** What failed, in one line ("The user list could not be loaded"); the error says why, and "Try again" asks again. */
  failed: ReactNode;
  /** Nothing to show: then `empty` says so. Leave both out when the content shows its own empty states. */
  isEmpty?: (data: TData) => boolean;
  empty?: TEmptyState;
  /**
   * Paged lists: a failure while rows are shown (loading more, a refetch) leaves the rows up, and the content
   * says the error in its foot, instead of replacing what the user is reading.
   */
  keepsRowsOnError?: boolean;
  stateClassName?: string;
  children: (data: TData) => ReactNode;
};

/**
 * Loading, failed, empty or the content (a table, usually): the scaffolding every list screen shares, so each
 * state says the same kind of thing everywhere, and what to do about it.
 */
export function DataSection<TData>({
  query,
  size = "panel",
  loading,
  failed,
  isEmpty,
  empty,
  keepsRowsOnError = false,
  stateClassName,
  children,
}: TDataSectionProps<TData>) {
  if (query.isPending || (query.data === undefined && !query.isError)) {
    return (
      <QueryState state="loading" size={size} className={stateClassName}>
        <p>{loading}</p>
      </QueryState>
    );
  }
  const data = query.data;
  const hasNothing = data === undefined || (isEmpty?.(data) ?? false);
  if (query.isError && (!keepsRowsOnError || hasNothing)) {
    return (
      <QueryState state="error" size={size} className={stateClassName} title={failed} detail={errorMessage(query.error)}>
        <Button size={size === "inline" ? "sm" : "md"} onClick={() => void query.refetch()}>
          Try again
        </Button>
      </QueryState>
    );
  }
  if (data === undefined) return null;
  if (hasNothing && empty) {
    return (
      <QueryState state="empty" size={size} className={stateClassName} title={empty.title} detail={empty.detail} data-testid={empty.testId}>
        {empty.action}
      </QueryState>
    );
  }
  return children(data);
}
