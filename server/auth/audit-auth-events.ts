import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { readClientIp } from "@/server/http/client-ip";

type THookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Records email sign-in (success and failure) and sign-out. SSO sign-in is audited by the OIDC plugin. */
export function auditAuthEvents(prisma: PrismaClient): BetterAuthPlugin {
  return {
    id: "citynerve-audit-auth",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-out",
          // Before, because afterwards the session (and so who signed out) is gone.
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return;
            await recordAudit(prisma, {
              actor: { id: session.user.id, email: session.user.email, role: String(session.user.role ?? "") },
              action: "auth.signed_out",
              entityType: "session",
              entityId: session.session.id,
              ip: ipOf(ctx),
            });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const created = ctx.context.newSession;
            if (created) {
              const user = created.user as typeof created.user & { role?: string | null };
              await recordAudit(prisma, {
                actor: { id: user.id, email: user.email, role: user.role ?? "" },
                action: "auth.signed_in",
                entityType: "session",
                entityId: created.session.id,
                ip: ipOf(ctx),
                after: { method: "password" },
              });
              return;
            }
            const returned = ctx.context.returned;
            if (!isAPIError(returned)) return;
            // The attempted email identifies the target of a guessing attack; the password is never kept.
            const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase().slice(0, 254) : null;
            await recordAudit(prisma, {
              actor: null,
              action: "auth.sign_in_failed",
              entityType: "session",
              ip: ipOf(ctx),
              after: { email, status: returned.statusCode, reason: returned.body?.code ?? returned.message },
            });
          }),
        },
      ],
    },
  };
}

export function ipOf(ctx: THookContext): string | null {
  const headers = ctx.request?.headers ?? ctx.headers;
  return headers ? readClientIp(headers) : null;
}
