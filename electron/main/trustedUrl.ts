/**
 * Which URLs belong to the app. Everything is decided with a real URL parser: a prefix test would let
 * `https://example.com.attacker.com` or `app://workbench@evil` through.
 */

/** The custom scheme the packaged renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is served by one of `allowedOrigins` (e.g. `app://workbench` or, in development, the
 * Vite dev server `http://localhost:5173`). Scheme, host and port must match exactly; credentials are refused.
 */
export function isTrustedAppUrl(raw: unknown, allowedOrigins: readonly string[]): boolean {
  const url = parse(raw);
  if (!url || url.username !== '' || url.password !== '') return false;
  return allowedOrigins.some((origin) => {
    const allowed = parse(origin);
    return (
      allowed !== null &&
      allowed.protocol === url.protocol &&
      allowed.hostname === url.hostname &&
      allowed.port === url.port
    );
  });
}

/** Navigation inside the window: only to the app itself (a reload); every other target is refused. */
export function allowNavigation(raw: unknown, allowedOrigins: readonly string[]): boolean {
  return isTrustedAppUrl(raw, allowedOrigins);
}

/**
 * Maps an `app://workbench/<path>` request to a file under the bundle directory, or null when the request
 * leaves it (`..`, encoded separators, another host).
 */
export function resolveBundlePath(raw: unknown, bundleDir: string): string | null {
  const url = parse(raw);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = bundleDir.endsWith('/') ? bundleDir.slice(0, -1) : bundleDir;
  return `${base}/${rel}`;
}

/** The Content-Security-Policy served as a header and repeated in index.html's meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // HiGHS (the funding optimiser) is WebAssembly; this allows compiling it, not JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
