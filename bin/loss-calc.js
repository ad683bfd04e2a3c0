#!/usr/bin/env node
// The `loss-calc` command: everything lives in the built CLI (npm install builds it).
import { main } from '../dist/cli.js';

main(process.argv);
