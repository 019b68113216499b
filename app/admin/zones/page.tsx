import type { Metadata } from "next";
import { ZonesAdmin } from "@/components/zones/zones-admin";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Zones" };

export default async function AdminZonesPage() {
  const user = await requirePageRole(["admin"], "/admin/zones");
  return (
    <AppPage user={user}>
      <ZonesAdmin />
    </AppPage>
  );
}
