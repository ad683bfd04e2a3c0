#!/usr/bin/env node
// The `loss-calc` command: the built CLI, bundled into one file (npm install builds it).
// LOSS_CALC_UNBUNDLED=1 runs dist/ module by module instead, so a CPU profile names source
// files; so does a tree built with tsc alone (no bundle/ yet).
import { existsSync } from 'node:fs';

const bundle = new URL('../bundle/loss-calc.js', import.meta.url);
const { main } = await import(!process.env.LOSS_CALC_UNBUNDLED && existsSync(bundle) ? bundle.href : '../dist/cli.js');

main(process.argv);
