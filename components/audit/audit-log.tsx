"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { errorMessage } from "@/components/api/request-json";
import { auditFiltersToSearch, hasAuditFilters, parseAuditFilters, type TAuditFilters } from "./audit-filters";
import { AuditFilterForm } from "./audit-filter-form";
import { auditPagesQuery } from "./audit-queries";
import { AuditTable } from "./audit-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { TableCount, TableFoot } from "@/components/ui/table";

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
    <Page>
      <PageHead>
        <div>
          <PageTitle>Audit log</PageTitle>
          <PageSubtitle>
            Every sign-in and administrative change, newest first. Filters are part of the link, so a view can be shared.
          </PageSubtitle>
        </div>
      </PageHead>

      <AuditFilterForm key={filterKey} filters={filters} onApply={applyFilters} />

      <Card flush aria-label="Audit entries" aria-busy={audit.isPending || audit.isFetchingNextPage}>
        <DataSection
          query={audit}
          size="page"
          loading="Loading audit entries…"
          failed="The audit log could not be loaded"
          keepsRowsOnError
          isEmpty={() => entries.length === 0}
          empty={{
            testId: "audit-empty",
            title: hasAuditFilters(filters) ? "No entries match these filters" : "Nothing recorded yet",
            detail: hasAuditFilters(filters)
              ? "Widen the time range or clear a filter."
              : "Sign-ins and changes to users will appear here.",
            action: hasAuditFilters(filters) && <Button onClick={() => applyFilters({})}>Clear filters</Button>,
          }}
        >
          {() => (
            <>
              <AuditTable entries={entries} />
              <TableFoot>
                <TableCount role="status" aria-live="polite">
                  {entries.length} {entries.length === 1 ? "entry" : "entries"}
                  {audit.hasNextPage ? " shown" : ""}
                </TableCount>
                {audit.isError && <FormError>{errorMessage(audit.error)}</FormError>}
                {audit.hasNextPage ? (
                  <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
                    {audit.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                ) : (
                  <span className="muted">End of the log</span>
                )}
              </TableFoot>
            </>
          )}
        </DataSection>
      </Card>
    </Page>
  );
}
