// Smoke test of the web build as scripts/serve.sh serves it (serve_lab.py, with the page's
// security headers): the checks of smoke_checks.mjs.
import { smokeChecks } from './smoke_checks.mjs';

smokeChecks();
