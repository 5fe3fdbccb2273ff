import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { countyFiguresQuery, fieldQuery, overviewFields } from './queries.js';

/** The built app (script, style, maps): `npm run build` of this package writes it. */
export const dashboardAssetsDir = fileURLToPath(new URL('../dist/public/', import.meta.url));

/** The files the gateway may serve from it, read once; none until the package is built. */
export function dashboardAssetNames(): string[] {
  try {
    return readdirSync(dashboardAssetsDir).filter((name) => /^[\w.-]+$/.test(name));
  } catch {
    return [];
  }
}
