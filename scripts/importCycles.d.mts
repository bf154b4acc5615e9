/** The cycles among the .ts and .tsx files under `roots`, each as its files' paths relative to `cwd`, sorted. */
export function importCycles(roots: string[], cwd?: string): { files: number; edges: number; cycles: string[][] };
