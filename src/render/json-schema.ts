// JSON Schema of the outputs, generated from the zod schemas that also validate them
// (one source of truth) with zod 4's built-in z.toJSONSchema.
import { z } from 'zod';
import { claimSchema, CLAIM_SCHEMA_ID } from '../core/claim.js';
import { summaryRowSchema } from './summary-schema.js';

/** Outputs with a published schema. */
export const SCHEMA_NAMES = ['claim', 'summary'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const META: Record<SchemaName, { schema: z.ZodType; id: string; title: string; description: string }> = {
  claim: {
    schema: claimSchema, id: `urn:${CLAIM_SCHEMA_ID.replace('/', ':')}`, title: CLAIM_SCHEMA_ID,
    description: 'One seller\'s estimated incident loss (loss-calc estimate --format json). Fields may be added within claim@1; none are removed or renamed.',
  },
  summary: {
    schema: summaryRowSchema, id: 'urn:loss-calc:summary-row@1', title: 'loss-calc/summary-row@1',
    description: 'One row of a batch summary (summary.csv columns, summary.json elements).',
  },
};

/**
 * The JSON Schema (draft 2020-12) of `name`. Published schemas are open (objects accept
 * properties added later, as the claim contract allows); `strict: true` keeps zod's
 * `additionalProperties: false`, which tests use to catch fields the zod schema lacks.
 */
export function jsonSchemaOf(name: SchemaName, { strict = false }: { strict?: boolean } = {}): Record<string, unknown> {
  const m = META[name];
  const body = z.toJSONSchema(m.schema, {
    target: 'draft-2020-12',
    io: 'output',
    override: (ctx) => {
      if (!strict && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = body;
  return { $schema, $id: m.id, title: m.title, description: m.description, ...rest };
}
