/** The Electron executable, or null with the reason when it is not installed. */
export function findElectronBinary(): { path: string; reason?: undefined } | { path?: undefined; reason: string };
