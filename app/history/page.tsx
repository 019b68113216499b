import type { Metadata } from "next";
import { Suspense } from "react";
import { historyViewToSearch, parseHistoryView } from "@/components/history/history-filters";
import { HistoryBrowser } from "@/components/history/history-browser";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "History" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Supervisors look through past incidents and alerts. */
export default async function HistoryPage({ searchParams }: { searchParams: TSearchParams }) {
  // A shared link with filters keeps them through the sign-in round trip.
  const query = historyViewToSearch(parseHistoryView(await searchParams));
  const user = await requirePageRole(["supervisor"], query ? `/history?${query}` : "/history");
  return (
    <AppPage user={user}>
      <Suspense>
        <HistoryBrowser />
      </Suspense>
    </AppPage>
  );
}
