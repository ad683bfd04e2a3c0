// `loss-calc schema [claim|summary]`: the JSON Schema of an output, for programs that read them.
import type { Command } from 'commander';
import { fail } from '../errors.js';
import { writeStdout } from '../io.js';
import { jsonSchemaOf, SCHEMA_NAMES, type SchemaName } from '../render/json-schema.js';

const EXAMPLES = `
Examples:
  $ loss-calc schema > claim.schema.json
  $ loss-calc schema summary > summary-row.schema.json`;

/** Register `schema` on the program. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the claim or of a batch summary row')
    .argument('[name]', `${SCHEMA_NAMES.join(' or ')}`, 'claim')
    .addHelpText('after', EXAMPLES)
    .action(async (name: string) => {
      if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
        fail('USAGE', `unknown schema "${name}"`, `choose one of: ${SCHEMA_NAMES.join(', ')}`);
      }
      await writeStdout(`${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
    });
}
