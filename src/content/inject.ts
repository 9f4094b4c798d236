/**
 * The file the worker injects, built as a self-contained classic script (`?script&iife` in background/compose.ts).
 * It is not `index.ts` itself because crxjs 3.0.0 names emitted chunks by basename: a second `index.ts` entry made the
 * service-worker loader import this script in place of the worker, so no message listener ever ran.
 */
import { install } from './index';

install();
