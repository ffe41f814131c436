#!/usr/bin/env node
// The isnad command. The sources are TypeScript, run through tsx's loader:
// no build step between a checkout and a working command.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Analysis allocates many short-lived objects (tokens, spans); a larger young
// generation spends far less time in scavenges (about a fifth faster on the corpus).
setFlagsFromString('--max-semi-space-size=32');
register();
const { main } = await import('../src/cli/main.ts');
await main();
