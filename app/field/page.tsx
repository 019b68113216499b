import type { Metadata, Viewport } from "next";
import { FieldApp } from "@/components/field/field-app";
import { FieldTheme } from "@/components/field/field-theme";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";
import { FIELD_COLOR } from "@/lib/design/tokens";

export const metadata: Metadata = {
  title: "My unit",
  appleWebApp: { capable: true, title: "CityNerve Field", statusBarStyle: "default" },
};

/** Light and high-contrast: read outdoors, in sunlight. */
export const viewport: Viewport = { themeColor: FIELD_COLOR.bg, colorScheme: "light" };

export default async function FieldPage() {
  const user = await requirePageRole(["field"], "/field");
  return (
    <FieldTheme>
      <AppPage user={user} width="narrow">
        <FieldApp user={user} />
      </AppPage>
    </FieldTheme>
  );
}
