import type { Metadata } from "next";
import { Suspense } from "react";
import { KpiDashboard } from "@/components/kpis/kpi-dashboard";
import { kpiFiltersToSearch, parseKpiFilters } from "@/components/kpis/kpi-filters";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Response times" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Supervisors' response-time figures. */
export default async function KpisPage({ searchParams }: { searchParams: TSearchParams }) {
  // A shared link keeps its period and filters through the sign-in round trip.
  const query = kpiFiltersToSearch(parseKpiFilters(await searchParams));
  const user = await requirePageRole(["supervisor"], query ? `/kpis?${query}` : "/kpis");
  return (
    <AppPage user={user}>
      <Suspense>
        <KpiDashboard />
      </Suspense>
    </AppPage>
  );
}
