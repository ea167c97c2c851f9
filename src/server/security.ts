/**
 * Security headers. The page runs only scripts and styles from our own origin (Vite emits them as
 * files, no inline code), so its CSP needs no 'unsafe-inline'; the API answers data and never
 * needs to run anything, so its CSP forbids everything.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** SVG drawings opened directly: their own styles may be inline, scripts never run. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";

/** Every response: no MIME sniffing, no use by other origins' pages (CORS opens it when configured). */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
});

/**
 * Documents a browser renders (the page, SVG drawings, HTML reports) also get the headers that
 * only matter for documents. JSON and file downloads do not carry them: they cost header bytes on
 * every API answer and protect nothing there (the API's CSP already forbids framing).
 */
export const DOCUMENT_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...COMMON_SECURITY_HEADERS,
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

const DOCUMENT_TYPE = /^(text\/html|image\/svg\+xml)/;

export function securityHeadersFor(contentType: string): Readonly<Record<string, string>> {
  return DOCUMENT_TYPE.test(contentType) ? DOCUMENT_SECURITY_HEADERS : COMMON_SECURITY_HEADERS;
}
