#!/usr/bin/env node
import { runCli } from './run-cli.js';
import { processIo } from './cli-io.js';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli maps every error to an exit code; reaching this is a bug in the CLI itself.
    process.stderr.write(`migrate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 4;
  },
);
