import type { Metadata } from "next";
import { FieldHome } from "@/components/field/field-home";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "My unit" };

export default async function FieldPage() {
  const user = await requirePageRole(["field"], "/field");
  return (
    <AppPage user={user} width="narrow">
      <FieldHome user={user} />
    </AppPage>
  );
}
