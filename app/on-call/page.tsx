import type { Metadata } from "next";
import { AppPage } from "@/components/nav/app-page";
import { OnCallPage } from "@/components/on-call/on-call-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "On call" };

/** On-call rotas and escalation policies: supervisors and admins keep them. */
export default async function OnCallRoute() {
  const user = await requirePageRole(["supervisor", "admin"], "/on-call");
  return (
    <AppPage user={user}>
      <OnCallPage />
    </AppPage>
  );
}
