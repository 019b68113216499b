"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/components/format/date-time";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { DataSection } from "@/components/ui/data-section";
import { Table } from "@/components/ui/table";
import { notificationHealthQuery } from "./notification-queries";
import { KIND_LABEL } from "./kind-labels";
import styles from "./contact-points-page.module.css";

/** For admins: how deliveries fared in the last 24 hours, everyone's, and why the latest failures failed. */
export function NotificationHealthCard() {
  const health = useQuery(notificationHealthQuery());
  return (
    <Card className={styles.health} aria-labelledby="notification-health-title" aria-busy={health.isPending}>
      <CardTitle id="notification-health-title">Delivery health</CardTitle>
      <CardSubtitle>Everyone&apos;s deliveries in the last 24 hours. Failed ones are on each alert&apos;s history too.</CardSubtitle>
      <DataSection query={health} loading="Loading delivery figures…" failed="Delivery figures could not be loaded">
        {(data) => (
          <>
            {!data.emailConfigured && <p className={styles.problem}>Email is not configured: set SMTP_URL and SMTP_FROM.</p>}
            <Table scrollLabel="Deliveries by kind">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {data.kinds.map((k) => (
                  <tr key={k.kind}>
                    <td data-label="Kind">{KIND_LABEL[k.kind]}</td>
                    <td data-label="Sent">{k.sent}</td>
                    <td data-label="Failed">{k.failed}</td>
                    <td data-label="Waiting">{k.pending}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {data.recentFailures.length === 0 ? (
              <p className={styles.muted}>No failed deliveries in the last 24 hours.</p>
            ) : (
              <ul className={styles.failures} aria-label="Latest failed deliveries">
                {data.recentFailures.map((f) => (
                  <li key={f.id}>
                    <time dateTime={f.at}>{formatDateTime(f.at, { withSeconds: false })}</time> · {f.userName}&apos;s{" "}
                    {KIND_LABEL[f.kind].toLowerCase()} &ldquo;{f.contactPointLabel}&rdquo; · {f.alertTitle}
                    <small className={styles.problem}>
                      {f.error} ({f.attempts} {f.attempts === 1 ? "try" : "tries"})
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </DataSection>
    </Card>
  );
}
