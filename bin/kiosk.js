#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the source is the program: no server build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kiosk.ts');
