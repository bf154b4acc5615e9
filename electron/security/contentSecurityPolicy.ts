/**
 * The policy for every page of the app, in Electron and in the web host alike: only the app's own scripts,
 * styles and fonts, no inline script, no plugins, no framing, and network calls to its own origin only. Images
 * may also come from `dateline-media:`, the Electron app's own protocol for photos in the data folder.
 * `'unsafe-inline'` is absent from style-src too: Tiptap's injected stylesheet is turned off and its CSS bundled.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // The spelling worker is a bundled file of the app; no blob: or data: workers.
  "worker-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob: dateline-media:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
