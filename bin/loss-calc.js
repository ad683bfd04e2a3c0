#!/usr/bin/env node
// The `loss-calc` command: the built CLI, bundled into one file (npm install builds it).
// LOSS_CALC_UNBUNDLED=1 runs dist/ module by module instead, so a CPU profile names source files.
const { main } = await import(process.env.LOSS_CALC_UNBUNDLED ? '../dist/cli.js' : '../bundle/loss-calc.js');

main(process.argv);
