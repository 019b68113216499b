import { infiniteQueryOptions } from "@tanstack/react-query";
import { ZAuditPage } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";
import { auditApiUrl, type TAuditFilters } from "./audit-filters";

const AUDIT_PAGE_SIZE = 50;

const auditKeys = {
  all: ["audit"] as const,
  pages: (filters: TAuditFilters) => ["audit", filters] as const,
};

/** GET /api/audit, one keyset page at a time: "Load more" passes the previous page's nextCursor. */
export const auditPagesQuery = (filters: TAuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.pages(filters),
    queryFn: ({ pageParam, signal }) => requestJson(auditApiUrl(filters, pageParam, AUDIT_PAGE_SIZE), ZAuditPage, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // The log only grows: always show the latest rows when the page is opened.
    staleTime: 0,
  });
