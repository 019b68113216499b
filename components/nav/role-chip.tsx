import type { TRole } from "@/lib/contracts/auth";

const ROLE_LABEL: Record<TRole, string> = {
  operator: "Operator",
  supervisor: "Supervisor",
  field: "Field crew",
  admin: "Admin",
};

export function roleLabel(role: TRole): string {
  return ROLE_LABEL[role];
}

export function RoleChip({ role }: { role: TRole }) {
  return (
    <span className={`role-chip role-chip--${role}`} data-testid="role-chip" data-role={role}>
      {ROLE_LABEL[role]}
    </span>
  );
}
