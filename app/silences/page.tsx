import type { Metadata } from "next";
import { AppPage } from "@/components/nav/app-page";
import { SilencesPage } from "@/components/silences/silences-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Silences" };

/** Silences and maintenance windows: supervisors and admins create and cancel them (operators read them through the API). */
export default async function SilencesRoute() {
  const user = await requirePageRole(["supervisor", "admin"], "/silences");
  return (
    <AppPage user={user}>
      <SilencesPage />
    </AppPage>
  );
}
