"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { TRole } from "@/lib/contracts/auth";
import { isCurrentPath, navItemsFor } from "./nav-items";
import styles from "./app-nav.module.css";

type TAppNavProps = {
  role: TRole;
  /** inline: in the header (wide screens); menu: a list inside the user menu (phones). */
  variant: "inline" | "menu";
  onNavigate?: () => void;
};

export function AppNav({ role, variant, onNavigate }: TAppNavProps) {
  const pathname = usePathname();
  return (
    <nav className={styles[variant]} aria-label="Main">
      <ul className={styles.list}>
        {navItemsFor(role).map((item) => {
          const isCurrent = isCurrentPath(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                className={styles.link}
                aria-current={isCurrent ? "page" : undefined}
                onClick={onNavigate}
                // The map page holds a socket and WebGL: a plain navigation keeps it from being prefetched.
                prefetch={false}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
