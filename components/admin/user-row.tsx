"use client";

import { useRef, useState } from "react";
import { ROLES, type TAdminUser, type TRole, type TUpdateUserRequest } from "@/lib/contracts/auth";
import { roleLabel } from "@/components/nav/role-chip";
import { formatDate, formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { cx } from "@/components/ui/class-names";
import { Select } from "@/components/ui/input";
import styles from "./user-row.module.css";

type TUserRowProps = {
  user: TAdminUser;
  isSelf: boolean;
  isPending: boolean;
  onChange: (user: TAdminUser, change: TUpdateUserRequest) => void;
};

/** One user: a table row on wide screens, a card on phones (same markup, CSS decides). */
export function UserRow({ user, isSelf, isPending, onChange }: TUserRowProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  // A role change is saved explicitly: keyboard users step through a closed <select> with the
  // arrow keys, which fires a change per step, and each would otherwise be a saved, audited change.
  const [draftRole, setDraftRole] = useState<TRole | null>(null);
  const isRoleDirty = draftRole !== null && draftRole !== user.role;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const selfNote = isSelf ? "You cannot change your own account" : undefined;
  const action = user.disabled ? "Enable" : "Disable";

  const startConfirm = () => {
    setIsConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancel = () => {
    setIsConfirming(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
  };
  const confirm = () => {
    setIsConfirming(false);
    onChange(user, { disabled: !user.disabled });
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  return (
    <tr className={cx(styles.row, user.disabled && styles.disabled)} data-testid="user-row" data-email={user.email}>
      <td className={styles.user} data-label="User">
        <div className={styles.identity}>
          <span className={styles.name}>
            {user.name}
            {isSelf && <span className={styles.tag}>You</span>}
          </span>
          <span className={styles.email}>{user.email}</span>
        </div>
      </td>
      <td data-label="Role">
        <div className={styles.roleEditor}>
          <Select
            controlSize="sm"
            className={styles.roleSelect}
            aria-label={`Role of ${user.name}`}
            value={draftRole ?? user.role}
            disabled={isSelf || isPending}
            title={selfNote}
            onChange={(e) => setDraftRole(e.target.value as TRole)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </Select>
          {isRoleDirty && (
            <div className={styles.roleActions}>
              <Button
                variant="accent"
                size="sm"
                aria-label={`Save role of ${user.name}`}
                onClick={() => {
                  onChange(user, { role: draftRole });
                  setDraftRole(null);
                }}
              >
                Save
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setDraftRole(null)}>
                Cancel
              </Button>
            </div>
          )}
        </div>
      </td>
      <td data-label="Status">
        <Chip appearance="dot" color={user.disabled ? "var(--alert)" : "var(--ok)"} data-testid="user-status">
          {user.disabled ? "Disabled" : "Active"}
        </Chip>
      </td>
      <td data-label="Created">
        <time dateTime={user.createdAt} title={formatDateTime(user.createdAt)}>
          {formatDate(user.createdAt)}
        </time>
      </td>
      <td className={styles.actions} data-label="Access">
        {isConfirming ? (
          <div className={styles.confirm} role="group" aria-label={`${action} ${user.name}?`}>
            <span className={styles.question}>{user.disabled ? "Allow sign-in again?" : "Block sign-in?"}</span>
            <Button ref={confirmRef} size="sm" variant={user.disabled ? "secondary" : "danger"} onClick={confirm}>
              {action}
            </Button>
            <Button variant="ghost" size="sm" onClick={cancel}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button
            ref={toggleRef}
            size="sm"
            disabled={isSelf || isPending}
            title={selfNote}
            aria-label={`${action} ${user.name}`}
            onClick={startConfirm}
          >
            {isPending ? "Saving…" : action}
          </Button>
        )}
      </td>
    </tr>
  );
}
