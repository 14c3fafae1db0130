export function installedElectron(): string | null;
export function electronInstallScript(): string;
