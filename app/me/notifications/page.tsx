import type { Metadata } from "next";
import { AppPage } from "@/components/nav/app-page";
import { ContactPointsPage } from "@/components/notifications/contact-points-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function MyNotificationsPage() {
  const user = await requirePageRole(["operator", "supervisor", "field", "admin"], "/me/notifications");
  return (
    <AppPage user={user}>
      <ContactPointsPage role={user.role} />
    </AppPage>
  );
}
