import type { Metadata } from "next";
import { ApiKeysAdmin } from "@/components/admin/api-keys-admin";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function AdminApiKeysPage() {
  const user = await requirePageRole(["admin"], "/admin/api-keys");
  return (
    <AppPage user={user}>
      <ApiKeysAdmin />
    </AppPage>
  );
}
