"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TApiKey, TIssuedApiKey } from "@/lib/contracts/api-keys";
import { errorMessage } from "@/components/api/request-json";
import { adminApiKeysQuery, useRevokeApiKey } from "./admin-queries";
import { ApiKeyRow } from "./api-key-row";
import { CreateApiKeyForm } from "./create-api-key-form";
import { Table } from "@/components/ui/table";
import type { TFeedback } from "@/components/nav/feedback";
import { PageCount } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { AdminScreen } from "./admin-screen";
import styles from "./users-admin.module.css";

/** /admin/api-keys: partner and citizen apps' keys, issued and revoked here. */
export function ApiKeysAdmin() {
  const keys = useQuery(adminApiKeysQuery());
  const revoke = useRevokeApiKey();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const onRevoke = (key: TApiKey) => {
    setFeedback(null);
    revoke.mutate(key.id, {
      onSuccess: () => setFeedback({ tone: "ok", message: `The key of ${key.name} is revoked: its next request is refused.` }),
      onError: (error) => setFeedback({ tone: "error", message: `Could not revoke the key of ${key.name}: ${errorMessage(error)}` }),
    });
  };
  const onIssued = ({ key }: TIssuedApiKey) => setFeedback({ tone: "ok", message: `Issued a key for ${key.name}.` });
  const active = keys.data?.filter((k) => k.revokedAt === null).length;

  return (
    <AdminScreen
      title="API keys"
      subtitle="Partner and citizen apps that read the city over NGSI-LD or send reports. Every change is audited."
      count={
        active !== undefined && (
          <PageCount data-testid="api-key-count">
            {active} active {active === 1 ? "key" : "keys"}
          </PageCount>
        )
      }
      feedback={feedback}
      onDismissFeedback={() => setFeedback(null)}
      listLabel="All API keys"
      isListBusy={keys.isPending}
      form={<CreateApiKeyForm onIssued={onIssued} />}
      list={
        <DataSection
          query={keys}
          size="page"
          loading="Loading API keys…"
          failed="The API keys could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={{ title: "No API keys yet", detail: "Issue one for a partner app with the form." }}
        >
          {(list) => (
            <Table className={styles.userTable} scrollLabel="API keys">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Access</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((key) => (
                  <ApiKeyRow key={key.id} apiKey={key} isPending={revoke.isPending && revoke.variables === key.id} onRevoke={onRevoke} />
                ))}
              </tbody>
            </Table>
          )}
        </DataSection>
      }
    />
  );
}
