#!/usr/bin/env node
/** `brief`: the package's command line (see cli.ts), unbundled (out/); the package's bin is the bundle (see bin.ts). */
import {startCommand} from './start.js';

process.exitCode = await startCommand();
