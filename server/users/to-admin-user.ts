import { ZRole, type TAdminUser } from "@/lib/contracts/auth";
import type { User } from "@/server/db/generated/client";

type TUserRow = Pick<User, "id" | "name" | "email" | "role" | "banned" | "createdAt">;

export function toAdminUser(row: TUserRow): TAdminUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: ZRole.parse(row.role), // the database's CHECK constraint admits only our roles
    disabled: row.banned === true,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
