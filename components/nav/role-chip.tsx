import type { TRole } from "@/lib/contracts/auth";
import { Chip } from "@/components/ui/chip";

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
    <Chip appearance="pill" color={`var(--role-${role})`} data-testid="role-chip" data-role={role}>
      {ROLE_LABEL[role]}
    </Chip>
  );
}
