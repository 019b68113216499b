import type { ReactNode } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { AppNav } from "./app-nav";
import { Brand } from "./brand";
import { CityName } from "./city-name";
import { UserMenu } from "./user-menu";

type TAppPageProps = {
  user: TCurrentUser;
  children: ReactNode;
  /** "wide" for tables (admin, audit); "narrow" for the single-column field page. */
  width?: "wide" | "narrow";
};

/** Header with navigation and account, and a scrolling main area: every page except the full-screen map. */
export function AppPage({ user, children, width = "wide" }: TAppPageProps) {
  return (
    <div className="app-page">
      <header className="top-bar app-header">
        <Brand />
        <CityName />
        <AppNav role={user.role} variant="inline" />
        <UserMenu user={user} />
      </header>
      <main className="app-page__main" id="main">
        <div className={`app-page__content app-page__content--${width}`}>{children}</div>
      </main>
    </div>
  );
}
