// loss-calc's version, read once from package.json.
import { createRequire } from 'node:module';

/** The package version, recorded in every claim. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
