import { handleAuthRequest } from "@/server/auth/handle-auth-request";

export const dynamic = "force-dynamic";

// Public by design: sign-in, SSO callback, get-session and sign-out (see handleAuthRequest's allowlist).
export const GET = (request: Request) => handleAuthRequest(request);
export const POST = (request: Request) => handleAuthRequest(request);
