import type { TCurrentUser } from "@/lib/contracts/auth";
import { AppNav } from "./app-nav";
import { Brand } from "./brand";
import { CityName } from "./city-name";
import { UserMenu } from "./user-menu";
import styles from "./app-header.module.css";

/** Brand, city, navigation and account: the header of every page except the control room. */
export function AppHeader({ user }: { user: TCurrentUser }) {
  return (
    <header className={styles.header}>
      <Brand />
      <CityName />
      <AppNav role={user.role} variant="inline" />
      <UserMenu user={user} className={styles.userMenu} />
    </header>
  );
}
