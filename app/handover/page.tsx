import type { Metadata } from "next";
import { HandoverPage } from "@/components/handover/handover-page";
import { PendingHandoverDialog } from "@/components/handover/pending-handover-dialog";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Shift handover" };

/** Operators and supervisors hand their shift over to the next one. */
export default async function HandoverRoute() {
  const user = await requirePageRole(["operator", "supervisor"], "/handover");
  return (
    <AppPage user={user}>
      <HandoverPage user={user} />
      <PendingHandoverDialog />
    </AppPage>
  );
}
