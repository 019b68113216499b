import type { Metadata } from "next";
import { CapFeedsAdmin } from "@/components/admin/cap-feeds-admin";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "CAP feeds" };

export default async function AdminCapFeedsPage() {
  const user = await requirePageRole(["admin"], "/admin/cap-feeds");
  return (
    <AppPage user={user}>
      <CapFeedsAdmin />
    </AppPage>
  );
}
