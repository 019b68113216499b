import type { Metadata } from "next";
import { AppPage } from "@/components/nav/app-page";
import { UnitsManagement } from "@/components/units/units-management";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Units" };

export default async function UnitsPage() {
  const user = await requirePageRole(["admin", "supervisor"], "/units");
  return (
    <AppPage user={user}>
      <UnitsManagement currentUser={user} />
    </AppPage>
  );
}
