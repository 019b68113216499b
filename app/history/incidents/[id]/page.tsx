import type { Metadata } from "next";
import { IncidentHistoryDetail } from "@/components/history/incident-history-detail";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Incident history" };

/** One past (or current) incident in full, for supervisors. */
export default async function IncidentHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageRole(["supervisor"], "/history/incidents/[id]".replace("[id]", encodeURIComponent(id)));
  return (
    <AppPage user={user}>
      <IncidentHistoryDetail incidentId={id} />
    </AppPage>
  );
}
