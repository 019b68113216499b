import type { TContactPointKind } from "@/lib/contracts/notifications";

export const KIND_LABEL: Record<TContactPointKind, string> = { email: "Email", webhook: "Webhook", push: "Browser push" };
