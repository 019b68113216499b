import type { NextConfig } from "next";

// The environment is validated by server.ts (serverEnv()) before Next starts.
// It is not imported here: Next compiles this file to CommonJS on its own and
// cannot resolve the repo's extension-less TypeScript imports when started from server.ts.

const PHASE_DEVELOPMENT_SERVER = "phase-development-server";

/**
 * Security headers on every response Next serves (pages, route handlers, static files).
 * 'unsafe-inline' scripts: Next's bootstrap and RSC payload are inline scripts (nonces would make every
 * page dynamic); 'unsafe-eval' only in development (React's dev tooling and HMR).
 * MapLibre runs its worker from our origin or a blob:, draws with WebGL (no CSP directive) and sets
 * inline styles; socket.io and HMR use websockets to this same host.
 */
function contentSecurityPolicy(isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function securityHeaders(isDev: boolean) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isDev) },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    // Field crews share their position; nothing here needs camera, microphone or payment.
    { key: "Permissions-Policy", value: "geolocation=(self), camera=(), microphone=(), payment=(), usb=()" },
  ];
}

export default function config(phase: string): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // The dev badge would sit on top of the layer sheet on phones.
    devIndicators: false,
    // Tests and scripts reach the dev server as 127.0.0.1; Next blocks dev resources for unlisted hosts.
    allowedDevOrigins: ["127.0.0.1"],
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
    },
  };
}
