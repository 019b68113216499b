const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The browser origins CityNerve trusts, for socket handshakes, state-changing requests and redirects alike:
 * PUBLIC_URL (and when that is a loopback address, its other loopback spellings: a browser on 127.0.0.1 vs
 * localhost), then ALLOWED_ORIGINS.
 */
export function trustedOrigins(publicUrl: string, allowedOrigins: readonly string[] = []): string[] {
  const url = new URL(publicUrl);
  const port = url.port ? `:${url.port}` : "";
  const loopbackSpellings = LOOPBACK_HOSTS.has(url.hostname) ? [...LOOPBACK_HOSTS].map((host) => `${url.protocol}//${host}${port}`) : [];
  return [...new Set([url.origin, ...loopbackSpellings, ...allowedOrigins.map((origin) => new URL(origin).origin)])];
}
