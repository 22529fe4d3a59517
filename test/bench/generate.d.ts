/** Writes a realistic generated manifest of `rows` rows (see generate.js). */
export function generateManifest(path: string, rows: number, seed?: number, dualUseShare?: number): Promise<void>;
