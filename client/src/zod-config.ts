import { z } from 'zod';

// zod compiles object parsers with `new Function` when it can; under the page's CSP (no
// 'unsafe-eval') its probe for that is itself a violation report. Parse without it.
z.config({ jitless: true });
