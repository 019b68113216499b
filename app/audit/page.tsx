import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { auditFiltersToSearch, parseAuditFilters } from "@/components/audit/audit-filters";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  // A shared link with filters keeps them through the sign-in round trip.
  const query = auditFiltersToSearch(parseAuditFilters(await searchParams));
  const user = await requirePageRole(["admin", "supervisor"], query ? `/audit?${query}` : "/audit");
  return (
    <AppPage user={user}>
      <Suspense>
        <AuditLog />
      </Suspense>
    </AppPage>
  );
}
