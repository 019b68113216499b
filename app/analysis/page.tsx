import type { Metadata } from "next";
import { AnalysisPage } from "@/components/analysis/analysis-page";
import { analysisParamsToSearch, parseAnalysisParams } from "@/components/analysis/analysis-params";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Map analysis" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Supervisors: hotspots of incidents and alerts over a time range, and the city played back minute by minute. */
export default async function AnalysisRoute({ searchParams }: { searchParams: TSearchParams }) {
  // A shared link keeps its view through the sign-in round trip.
  const query = analysisParamsToSearch(parseAnalysisParams(await searchParams));
  const user = await requirePageRole(["supervisor"], query ? `/analysis?${query}` : "/analysis");
  return <AnalysisPage user={user} />;
}
