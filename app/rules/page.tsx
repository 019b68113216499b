import type { Metadata } from "next";
import { AppPage } from "@/components/nav/app-page";
import { RuleSettings } from "@/components/rules/rule-settings";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Alert rules" };

/** Supervisors tune the alert rules; operators read them in the API but have no page for it. */
export default async function RulesPage() {
  const user = await requirePageRole(["supervisor"], "/rules");
  return (
    <AppPage user={user}>
      <RuleSettings />
    </AppPage>
  );
}
