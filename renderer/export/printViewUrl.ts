import { isDesktop } from '../api/datelineApi';
import { currentWebToken } from '../api/httpBridge';

const printRoute = /^#\/print\/([a-z0-9-]{8,64})(\?print)?$/;

/** The story the print view shows, when this page is one (`#/print/<id>`), and whether it prints on load. */
export function printViewRoute(hash: string): { id: string; autoPrint: boolean } | null {
  const match = printRoute.exec(hash);
  return match ? { id: match[1]!, autoPrint: Boolean(match[2]) } : null;
}

/**
 * The address of a story's print view. A hash route works in both the desktop app's own protocol and the web
 * host. In the browser the new tab needs the web host's token, which lives in this tab's session storage, so
 * it goes in the address, where the bridge takes it out again at once.
 */
export function printViewUrl(id: string, autoPrint: boolean): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  const token = isDesktop ? '' : `?token=${encodeURIComponent(currentWebToken() ?? '')}`;
  return `${base}${token}#/print/${id}${autoPrint ? '?print' : ''}`;
}
