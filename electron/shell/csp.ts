/**
 * The Content-Security-Policy of every page Axial shows: only its own scripts,
 * styles and API; no eval, no inline script, no remote origin, no frames, no
 * plugins. `connect-src 'self'` is what stops a page script from reaching the network.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * For the browser host: a CSP sandbox without `allow-popups` makes the browser
 * itself refuse `window.open`, and without `allow-top-navigation` a script cannot
 * send the tab elsewhere from a frame. Same origin is kept so the API works.
 */
export const browserSandboxPolicy =
  'sandbox allow-scripts allow-same-origin allow-forms allow-downloads allow-modals';
