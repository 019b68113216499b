"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { errorMessage } from "@/components/api/request-json";
import { auditFiltersToSearch, hasAuditFilters, parseAuditFilters, type TAuditFilters } from "./audit-filters";
import { AuditFilterForm } from "./audit-filter-form";
import { auditPagesQuery } from "./audit-queries";
import { AuditTable } from "./audit-table";

/** /audit: who did what and when, filtered through the URL, newest first, paged by keyset cursor. */
export function AuditLog() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  // Re-derived from the URL, so back/forward and shared links show the same view.
  const filters = useMemo(() => parseAuditFilters(new URLSearchParams(search)), [search]);
  const filterKey = auditFiltersToSearch(filters);
  const audit = useInfiniteQuery(auditPagesQuery(filters));
  const entries = useMemo(() => audit.data?.pages.flatMap((page) => page.entries) ?? [], [audit.data]);

  const applyFilters = (next: TAuditFilters) => {
    const query = auditFiltersToSearch(next);
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">Audit log</h1>
          <p className="page__subtitle">Every sign-in and administrative change, newest first. Filters are part of the link, so a view can be shared.</p>
        </div>
      </div>

      <AuditFilterForm key={filterKey} filters={filters} onApply={applyFilters} />

      <section className="card card--flush" aria-label="Audit entries" aria-busy={audit.isPending || audit.isFetchingNextPage}>
        {audit.isPending ? (
          <div className="empty-state" role="status">
            <span className="spinner" aria-hidden="true" />
            <p>Loading audit entries…</p>
          </div>
        ) : audit.isError && entries.length === 0 ? (
          <div className="empty-state" role="alert">
            <p className="empty-state__title">The audit log could not be loaded</p>
            <p className="empty-state__detail">{errorMessage(audit.error)}</p>
            <button type="button" className="button" onClick={() => void audit.refetch()}>
              Try again
            </button>
          </div>
        ) : entries.length === 0 ? (
          <div className="empty-state" data-testid="audit-empty">
            <p className="empty-state__title">{hasAuditFilters(filters) ? "No entries match these filters" : "Nothing recorded yet"}</p>
            <p className="empty-state__detail">
              {hasAuditFilters(filters) ? "Widen the time range or clear a filter." : "Sign-ins and changes to users will appear here."}
            </p>
            {hasAuditFilters(filters) && (
              <button type="button" className="button" onClick={() => applyFilters({})}>
                Clear filters
              </button>
            )}
          </div>
        ) : (
          <>
            <AuditTable entries={entries} />
            <div className="table-foot">
              <span className="table-foot__count" role="status" aria-live="polite">
                {entries.length} {entries.length === 1 ? "entry" : "entries"}
                {audit.hasNextPage ? " shown" : ""}
              </span>
              {audit.isError && <span className="form-error">{errorMessage(audit.error)}</span>}
              {audit.hasNextPage ? (
                <button type="button" className="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
                  {audit.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              ) : (
                <span className="muted">End of the log</span>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
