/**
 * The Content-Security-Policy of the dashboard's pages (/dashboard, /sign-in). The API's own
 * policy allows nothing (it only answers JSON); these pages need their scripts, stylesheet and
 * same-origin fetches, and nothing else: no inline script or style, no other origin, no eval,
 * no frames, no form posts (forms are handled by the scripts), no plugins. Chart.js draws on a
 * canvas and only sets styles through the CSSOM, which a policy does not restrict.
 * Not `upgrade-insecure-requests`: the embedded default serves plain http on 127.0.0.1.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
