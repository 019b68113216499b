"use client";

import Link from "next/link";
import { useDismiss } from "./use-dismiss";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useRef, useState } from "react";
import { authClient } from "@/lib/auth-client";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { AppNav } from "./app-nav";
import { RoleChip } from "./role-chip";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { forgetOfflinePage } from "@/components/field/service-worker/forget-offline-page";
import styles from "./user-menu.module.css";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts.at(-1)![0]}` : (parts[0]?.slice(0, 2) ?? "?");
  return letters.toUpperCase();
}

/**
 * Who is signed in, and Sign out. On phones the menu also carries the navigation,
 * which has no room in the header there.
 */
export function UserMenu({ user, className }: { user: TCurrentUser; className?: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const panelId = useId();

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, buttonRef);

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    const { error } = await authClient.signOut();
    if (error) {
      setSignOutError("Sign-out failed. Try again.");
      setSigningOut(false);
      return;
    }
    // Nothing from this session may linger in the browser cache for the next user.
    queryClient.clear();
    await forgetOfflinePage();
    window.location.assign("/sign-in");
  };

  return (
    <div className={cx(styles.userMenu, className)} data-slot="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account: ${user.name}`}
        data-testid="user-menu-button"
        onClick={() => setOpen((v) => !v)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className={styles.who}>
          <span className={styles.name} data-testid="user-name">
            {user.name}
          </span>
          <RoleChip role={user.role} />
        </span>
        <svg className={styles.chevron} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div className={styles.panel} id={panelId} hidden={!open}>
        <div className={styles.identity}>
          <span className={styles.panelName}>{user.name}</span>
          <span className={styles.email}>{user.email}</span>
          <RoleChip role={user.role} />
        </div>
        {/* Every role's own settings: here rather than in the main navigation, which lists the work pages. */}
        <Link href="/me/notifications" className={styles.ownLink} onClick={() => setOpen(false)} data-testid="my-notifications-link">
          Notifications
        </Link>
        <AppNav role={user.role} variant="menu" onNavigate={() => setOpen(false)} />
        {signOutError && (
          <p className={styles.error} role="alert">
            {signOutError}
          </p>
        )}
        <Button size="block" onClick={signOut} disabled={signingOut}>
          {signingOut ? "Signing out…" : "Sign out"}
        </Button>
      </div>
    </div>
  );
}
