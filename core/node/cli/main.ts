/** The `abs-workbench` program: the command line in, the exit code out (./cli.ts does the work; tests call it). */
import { cli } from './cli';

process.exitCode = await cli(process.argv.slice(2));
