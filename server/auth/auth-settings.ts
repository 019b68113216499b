import type { TServerEnv } from "@/server/env";
import type { TAuthSettings } from "@/server/runtime-registry";
import { isOidcEnabled, OIDC_PROVIDER_ID, type TOidcEnv } from "./oidc-plugins";
import { trustedOrigins } from "./trusted-origins";

export function buildAuthSettings(
  env: Pick<TServerEnv, "PUBLIC_URL"> & Partial<Pick<TServerEnv, "ALLOWED_ORIGINS">> & TOidcEnv,
  { demo }: { demo: boolean },
): TAuthSettings {
  return {
    trustedOrigins: trustedOrigins(env.PUBLIC_URL, env.ALLOWED_ORIGINS),
    sso: { enabled: isOidcEnabled(env), label: env.OIDC_BUTTON_LABEL, providerId: OIDC_PROVIDER_ID },
    demo,
  };
}
