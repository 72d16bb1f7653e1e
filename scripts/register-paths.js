// Resolves the @channel-ledger/* aliases to the compiled libraries in dist/ at run time
// (tsc keeps import specifiers as written).
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

register({ baseUrl: path.join(__dirname, '..', 'dist'), paths: compilerOptions.paths });
