/** What the gateway's page says about its node. */
export interface Settings {
  node: string;
  name: string;
  /** From the page to the gateway's root. */
  root: string;
}

export const settings: Settings = JSON.parse(
  document.getElementById('huishang-dashboard')?.textContent ?? '{}',
);

const storageKey = `huishang-dashboard-token-${settings.node}`;

/**
 * The caller's token: taken from the fragment `#token=…` (never sent to a server, so it is
 * in no access log), kept for this tab only, and removed from the address bar at once.
 */
export function takeToken(): string | undefined {
  const fromUrl = /^#token=([^&]+)/.exec(location.hash)?.[1];
  if (fromUrl) {
    sessionStorage.setItem(storageKey, decodeURIComponent(fromUrl));
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  return sessionStorage.getItem(storageKey) ?? undefined;
}

export const forgetToken = (): void => sessionStorage.removeItem(storageKey);

/** A gateway path for this node, relative to the page. */
export const nodePath = (path: string): string =>
  new URL(`${settings.root}${settings.node}/${path}`, location.href).href;
