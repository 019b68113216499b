"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TAdminUser, TCurrentUser, TUpdateUserRequest } from "@/lib/contracts/auth";
import { errorMessage } from "@/components/api/request-json";
import { roleLabel } from "@/components/nav/role-chip";
import { adminUsersQuery, useUpdateUser } from "./admin-queries";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { Table } from "@/components/ui/table";
import type { TFeedback } from "@/components/nav/feedback";
import { PageCount } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { AdminScreen } from "./admin-screen";
import styles from "./users-admin.module.css";

function describeChange(user: TAdminUser, change: TUpdateUserRequest): string {
  if (change.role) return `${user.name} is now ${roleLabel(change.role).toLowerCase()}.`;
  return change.disabled ? `${user.name} is disabled and can no longer sign in.` : `${user.name} can sign in again.`;
}

/** /admin/users: everyone who can sign in, their roles, and a form to add someone. */
export function UsersAdmin({ currentUser }: { currentUser: TCurrentUser }) {
  const users = useQuery(adminUsersQuery());
  const update = useUpdateUser();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const onChange = (user: TAdminUser, change: TUpdateUserRequest) => {
    setFeedback(null);
    update.mutate(
      { id: user.id, change },
      {
        onSuccess: () => setFeedback({ tone: "ok", message: describeChange(user, change) }),
        onError: (error) => setFeedback({ tone: "error", message: `Could not update ${user.name}: ${errorMessage(error)}` }),
      },
    );
  };

  const onCreated = (user: TAdminUser) =>
    setFeedback({ tone: "ok", message: `Created ${user.name} (${user.email}) as ${roleLabel(user.role).toLowerCase()}.` });

  const pendingId = update.isPending ? update.variables?.id : undefined;

  return (
    <AdminScreen
      title="Users"
      subtitle="Who can sign in, and with which role. Every change is recorded in the audit log."
      count={
        users.data && (
          <PageCount data-testid="user-count">
            {users.data.length} {users.data.length === 1 ? "user" : "users"}
          </PageCount>
        )
      }
      feedback={feedback}
      onDismissFeedback={() => setFeedback(null)}
      listLabel="All users"
      isListBusy={users.isPending}
      form={<CreateUserForm onCreated={onCreated} />}
      list={
        <DataSection
          query={users}
          size="page"
          loading="Loading users…"
          failed="The user list could not be loaded"
          isEmpty={(list) => list.length === 0}
          empty={{ title: "No users yet", detail: "Create the first account with the form." }}
        >
          {(list) => (
            <Table className={styles.userTable} scrollLabel="Users">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Access</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isSelf={user.id === currentUser.id}
                    isPending={pendingId === user.id}
                    onChange={onChange}
                  />
                ))}
              </tbody>
            </Table>
          )}
        </DataSection>
      }
    />
  );
}
