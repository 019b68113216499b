import type { Metadata } from "next";
import { Suspense } from "react";
import { DeadLetters } from "@/components/dead-letters/dead-letters";
import { deadLetterFiltersToSearch, parseDeadLetterFilters } from "@/components/dead-letters/dead-letter-filters";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Dead letters" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeadLettersPage({ searchParams }: { searchParams: TSearchParams }) {
  // A shared link with filters keeps them through the sign-in round trip.
  const query = deadLetterFiltersToSearch(parseDeadLetterFilters(await searchParams));
  const user = await requirePageRole(["admin", "supervisor"], query ? `/dead-letters?${query}` : "/dead-letters");
  return (
    <AppPage user={user}>
      <Suspense>
        <DeadLetters />
      </Suspense>
    </AppPage>
  );
}
