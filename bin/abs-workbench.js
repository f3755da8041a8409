#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx abs-workbench` works right after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('../core/node/cli/main.ts');
