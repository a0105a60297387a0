import { isAppUrl } from './appProtocol';

/**
 * The offline guarantee: every request the renderer makes goes through this
 * decision (session.webRequest.onBeforeRequest). Only the app's own pages and
 * in-memory data pass; http(s), ws(s), ftp and file requests are cancelled.
 */
const allowedSchemes = new Set(['app:', 'data:', 'blob:', 'devtools:']);

export function shouldCancelRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  return !allowedSchemes.has(protocol);
}

/** Navigation and new windows: the app stays on its own origin, always. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Permission requests are refused except what media playback needs: full
 * screen for a video and choosing the speakers. Microphone, camera, location,
 * notifications and the rest are never granted.
 */
const grantedPermissions = new Set(['fullscreen', 'speaker-selection']);

export function isPermissionGranted(permission: string): boolean {
  return grantedPermissions.has(permission);
}
