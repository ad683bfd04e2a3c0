// The commander program: registers the commands and is the ONE place that turns a
// thrown error into a stderr message and an exit code (DESIGN §3.8).
import { Command, CommanderError } from 'commander';
import { EXIT, LossCalcError } from './errors.js';
import { registerBatch } from './commands/batch.js';
import { registerEstimate } from './commands/estimate.js';
import { registerInspect } from './commands/inspect.js';
import { registerSchema } from './commands/schema.js';
import { VERSION } from './version.js';


/** Build the program; commands register themselves from their own files. */
export function buildProgram(): Command {
  const program = new Command('loss-calc')
    .description('Estimate what a platform incident cost a seller, from their own order export.')
    .version(VERSION)
    .showHelpAfterError('  hint: run with --help for usage')
    // commander's own errors (`error: unknown option '--bogus'`) in the contract's form; subcommands inherit this
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(commanderMessage(s)) })
    .exitOverride();
  registerEstimate(program);
  registerBatch(program);
  registerInspect(program);
  registerSchema(program);
  return program;
}

/** Run the CLI: parse, dispatch, and map every failure to the contract's exit codes. */
export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.exitCode = report(e);
  }
}

/** Print one error the contract's way and return its exit status. */
function report(e: unknown): number {
  if (e instanceof CommanderError) {
    // help and version "errors" are successes; commander already printed the message
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof LossCalcError) {
    process.stderr.write(`loss-calc: ${e.code}: ${printable(e.message)}\n`);
    if (e.hint) process.stderr.write(`  hint: ${printable(e.hint)}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`loss-calc: INTERNAL: ${printable(err?.message ?? String(e))} (this is a bug in loss-calc; please report it)\n`);
  if (process.env.DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT.internal;
}

/**
 * Commander's own errors in the contract's form: `error: unknown option '--bogus'\n(Did you mean --by?)`
 * → `loss-calc: USAGE: unknown option '--bogus'` and `  hint: Did you mean --by?`.
 */
export function commanderMessage(s: string): string {
  const [first, ...rest] = s.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const hints = rest.map((h) => `  hint: ${printable(h.replace(/^\((.*)\)$/, '$1'))}\n`).join('');
  return `loss-calc: USAGE: ${printable((first ?? '').replace(/^error:\s*/i, ''))}\n${hints}`;
}

/**
 * Text from files (names, headers, cells) on one line, without terminal control sequences:
 * `printable('a\x1b[2Jb\nc') === 'a\\x1b[2Jb\\nc'`. Messages are one line per error by contract.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) =>
    ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : ch.charCodeAt(0) > 0xff ? `\\u${ch.charCodeAt(0).toString(16)}` : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * A reader that closed the pipe (`| head`) is not an error: exit quietly (xsv's `wout!`). Any
 * other failure of stdout (a full disk behind `> file`) is a coded error, not a stack trace.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`loss-calc: WRITE_FAILED: cannot write to stdout (${err.code ?? err.message})\n`);
    process.exit(EXIT.data);
  });
}
