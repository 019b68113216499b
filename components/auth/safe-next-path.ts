/**
 * Where to go after signing in, from the `?next=` query parameter.
 * Only a same-origin relative path is accepted: anything that a browser could
 * resolve to another origin ("https://evil", "//evil", "/\\evil", "javascript:…")
 * returns null, so a crafted sign-in link cannot bounce a user to a phishing site.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2048) return null;
  if (!next.startsWith("/") || next.startsWith("//")) return null;
  // Browsers treat "\" like "/" and drop tabs/newlines inside URLs: "/\evil.com" and "/\t/evil.com" are protocol-relative.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  // Belt and braces: resolve against a dummy origin and make sure it stays there.
  const base = "http://citynerve.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  // Never send a freshly signed-in user back to the sign-in page.
  if (url.pathname === "/sign-in") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
