"use client";

import { useDismiss } from "./use-dismiss";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useId, useLayoutEffect, useRef, useState } from "react";
import type { TRole } from "@/lib/contracts/auth";
import { cx } from "@/components/ui/class-names";
import { stableFitCount } from "./fit-count";
import { isCurrentPath, navItemsFor } from "./nav-items";
import styles from "./app-nav.module.css";

type TAppNavProps = {
  role: TRole;
  /** inline: in the header (wide screens); menu: a list inside the user menu (phones). */
  variant: "inline" | "menu";
  onNavigate?: () => void;
};

type TNavItem = ReturnType<typeof navItemsFor>[number];

/** Matches .list's gap in app-nav.module.css. */
const GAP_PX = 4;

function NavLink({ item, pathname, onNavigate }: { item: TNavItem; pathname: string; onNavigate?: () => void }) {
  return (
    <Link
      href={item.href}
      className={styles.link}
      aria-current={isCurrentPath(pathname, item.href) ? "page" : undefined}
      onClick={onNavigate}
      // The map page holds a socket and WebGL: a plain navigation keeps it from being prefetched.
      prefetch={false}
    >
      {item.label}
    </Link>
  );
}

export function AppNav({ role, variant, onNavigate }: TAppNavProps) {
  const pathname = usePathname();
  const items = navItemsFor(role);
  if (variant === "inline") return <InlineNav items={items} pathname={pathname} />;
  return (
    <nav className={styles.menu} aria-label="Main">
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.href}>
            <NavLink item={item} pathname={pathname} onNavigate={onNavigate} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The header's links, as many as the space beside the city and the live figures allows; the rest under "More",
 * so no link is ever pushed under another element or cut off (a supervisor has eight pages, a 1280 px screen room
 * for about five). Widths come from an invisible copy of the links, re-measured as the header resizes.
 */
function InlineNav({ items, pathname }: { items: TNavItem[]; pathname: string }) {
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const [shown, setShown] = useState(items.length);
  const [isFitted, setFitted] = useState(false);

  useLayoutEffect(() => {
    const nav = navRef.current;
    const measure = measureRef.current;
    if (!nav || !measure) return;
    // The count last fitted: the live figures beside the nav change its width as they tick, and a link at the edge
    // would hop in and out of "More" with them (stableFitCount's hysteresis).
    let fitted: number | null = null;
    const update = () => {
      const widths = [...measure.children].map((child) => child.getBoundingClientRect().width);
      const moreWidth = widths.pop() ?? 0;
      fitted = stableFitCount(fitted, { widths, available: nav.getBoundingClientRect().width, moreWidth, gap: GAP_PX });
      setShown(fitted);
      setFitted(true);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(nav);
    // The links' own widths change once the web font has loaded.
    observer.observe(measure);
    return () => observer.disconnect();
  }, []);

  const overflow = items.slice(shown);
  return (
    <nav className={styles.inline} aria-label="Main" ref={navRef} data-testid="main-nav" data-fitted={isFitted ? "true" : "false"}>
      <ul className={styles.list}>
        {items.slice(0, shown).map((item) => (
          <li key={item.href}>
            <NavLink item={item} pathname={pathname} />
          </li>
        ))}
        {overflow.length > 0 && (
          <li>
            <MoreMenu items={overflow} pathname={pathname} />
          </li>
        )}
      </ul>
      <ul className={cx(styles.list, styles.measure)} ref={measureRef} aria-hidden="true">
        {items.map((item) => (
          <li key={item.href}>
            <span className={styles.link}>{item.label}</span>
          </li>
        ))}
        <li>
          <span className={styles.link}>More ▾</span>
        </li>
      </ul>
    </nav>
  );
}

function MoreMenu({ items, pathname }: { items: TNavItem[]; pathname: string }) {
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [isOpen, setOpen] = useState(false);
  const holdsCurrent = items.some((item) => isCurrentPath(pathname, item.href));

  const close = useCallback(() => setOpen(false), []);
  useDismiss(isOpen, close, rootRef, buttonRef);

  return (
    <div className={styles.more} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.link}
        aria-expanded={isOpen}
        aria-controls={listId}
        data-current={holdsCurrent ? "true" : undefined}
        onClick={() => setOpen(!isOpen)}
        data-testid="main-nav-more"
      >
        More <span aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <ul className={styles.moreList} id={listId}>
          {items.map((item) => (
            <li key={item.href}>
              <NavLink item={item} pathname={pathname} onNavigate={() => setOpen(false)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
