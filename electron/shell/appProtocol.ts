/**
 * The desktop app loads its pages from `app://axial/…` rather than `file://`:
 * one origin for the CSP and for navigation checks, and no access to the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'axial';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
