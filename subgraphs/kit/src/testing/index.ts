export { errorCodeProblems } from './error-codes.js';
export { identityHeaders } from './identity.js';
export { migratedColumns, prismaColumns, schemaDrift } from './schema-drift.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
