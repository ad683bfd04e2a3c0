// bytes → rows → daily series. Placeholder: the ingest helper replaces this file's body.
import type { Field, Ingested } from '../core/types.js';

/** How to read one seller's file. */
export interface IngestOptions {
  /** Header mapping override (`--columns`). */
  columns?: Partial<Record<Field, string>>;
  /** IANA zone to convert timestamps with an offset into calendar days. */
  tz: string;
}

/** Read a seller's export (orders or daily aggregate) into a daily series. */
export async function ingestFile(path: string, opts: IngestOptions): Promise<Ingested> {
  throw new Error(`ingest not implemented yet (${path}, ${opts.tz})`);
}
