import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import type { TRole } from "@/lib/contracts/auth";
import { recordAudit } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { ipOf } from "./audit-auth-events";

const CALLBACK_PATH = "/callback/:id";
/** A mapped role waits this long for its callback to finish (the callback itself takes milliseconds). */
const PENDING_ROLE_TTL_MS = 60_000;

/**
 * better-auth drops admin-only fields (role) from mapped SSO profiles, so the role travels beside the
 * callback: `remember` is called while mapping the verified profile, and this plugin applies the role
 * once the callback has a user, then audits the provisioning, the role change and the sign-in.
 */
export function createOidcRoleSync(prisma: PrismaClient, { fallbackRole, claim }: { fallbackRole: TRole; claim: string }) {
  const pending = new Map<string, { role: TRole; at: number }>();

  function remember(email: string, role: TRole): void {
    const now = Date.now();
    for (const [key, entry] of pending) if (now - entry.at > PENDING_ROLE_TTL_MS) pending.delete(key);
    pending.set(email.toLowerCase(), { role, at: now });
  }

  const plugin: BetterAuthPlugin = {
    id: "citynerve-oidc-roles",
    init: () => ({
      options: {
        databaseHooks: {
          user: {
            create: {
              // First SSO sign-in provisions the user; admins create everyone else (audited there).
              async after(user, ctx) {
                if (ctx?.path !== CALLBACK_PATH) return;
                await recordAudit(prisma, {
                  actor: null,
                  action: "user.created",
                  entityType: "user",
                  entityId: user.id,
                  ip: ipOf(ctx),
                  after: { email: user.email, name: user.name, source: "oidc" },
                });
              },
            },
          },
        },
      },
    }),
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === CALLBACK_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const created = ctx.context.newSession;
            if (!created) return;
            const user = created.user as typeof created.user & { role?: string | null };
            const role = pending.get(user.email)?.role ?? fallbackRole;
            pending.delete(user.email);
            const ip = ipOf(ctx);
            if (user.role !== role) {
              await prisma.$transaction(async (tx) => {
                await tx.user.update({ where: { id: user.id }, data: { role } });
                await recordAudit(tx, {
                  actor: null,
                  action: "user.role_changed",
                  entityType: "user",
                  entityId: user.id,
                  ip,
                  before: { role: user.role ?? null },
                  after: { role, source: "oidc", claim },
                });
              });
            }
            await recordAudit(prisma, {
              actor: { id: user.id, email: user.email, role },
              action: "auth.signed_in",
              entityType: "session",
              entityId: created.session.id,
              ip,
              after: { method: "oidc" },
            });
          }),
        },
      ],
    },
  };
  return { plugin, remember };
}
