/**
 * Entry of the table-reading worker threads (see ../pool.ts). Plain CommonJS so that Node loads it as it is,
 * outside the Next.js bundle, under `next start`, `next dev` and the tests alike; it registers tsx (a runtime
 * dependency of the portal) to load the TypeScript reader with the project's path aliases.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by Node without a bundler */
require('tsx/cjs/api').register();

module.exports = require('./job.ts').default;
