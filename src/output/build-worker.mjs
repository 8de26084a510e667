// The worker (build-worker.ts) when the code runs from src/: plain JavaScript so that it can
// register the TypeScript loader (tsx) in this thread before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker.ts');
