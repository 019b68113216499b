"use client";

import { useState } from "react";
import type { TApiKey } from "@/lib/contracts/api-keys";
import { formatDate, formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import styles from "./api-key-row.module.css";

type TApiKeyRowProps = { apiKey: TApiKey; isPending: boolean; onRevoke: (key: TApiKey) => void };

/** One partner app's key: who it is for, what it may call, when it was last used; revoked after a confirmation. */
export function ApiKeyRow({ apiKey, isPending, onRevoke }: TApiKeyRowProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const isRevoked = apiKey.revokedAt !== null;
  return (
    <tr data-testid="api-key-row" data-name={apiKey.name}>
      <td data-label="App">
        <div className={styles.identity}>
          <span className={styles.name}>{apiKey.name}</span>
          <code className={styles.prefix}>{apiKey.prefix}…</code>
        </div>
      </td>
      <td data-label="Scopes">{apiKey.scopes.join(", ")}</td>
      <td data-label="Issued">
        <time dateTime={apiKey.createdAt} title={formatDateTime(apiKey.createdAt)}>
          {formatDate(apiKey.createdAt)}
        </time>
        {apiKey.createdByName && <span className={styles.by}> by {apiKey.createdByName}</span>}
      </td>
      <td data-label="Last used">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, { withSeconds: false }) : "Never"}</td>
      <td data-label="Status">
        <Chip appearance="dot" color={isRevoked ? "var(--alert)" : "var(--ok)"}>
          {isRevoked ? `Revoked ${formatDate(apiKey.revokedAt!)}` : "Active"}
        </Chip>
      </td>
      <td className={styles.actions} data-label="Access">
        {isRevoked ? null : isConfirming ? (
          <div className={styles.confirm} role="group" aria-label={`Revoke the key of ${apiKey.name}?`}>
            <Button
              size="sm"
              variant="danger"
              onClick={() => {
                setIsConfirming(false);
                onRevoke(apiKey);
              }}
            >
              Revoke
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button size="sm" disabled={isPending} aria-label={`Revoke the key of ${apiKey.name}`} onClick={() => setIsConfirming(true)}>
            {isPending ? "Revoking…" : "Revoke"}
          </Button>
        )}
      </td>
    </tr>
  );
}
