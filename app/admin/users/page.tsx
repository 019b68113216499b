import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await requirePageRole(["admin"], "/admin/users");
  return (
    <AppPage user={user}>
      <UsersAdmin currentUser={user} />
    </AppPage>
  );
}
