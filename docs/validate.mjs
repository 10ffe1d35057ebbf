// Validates the protocol documents: AsyncAPI 3.0 (WebSocket) and OpenAPI 3.1 (publish API).
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';
import SwaggerParser from '@apidevtools/swagger-parser';

const here = new URL('.', import.meta.url);
const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(new URL('asyncapi.yaml', here), 'utf8'));
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  console.log(`asyncapi ${['error', 'warning', 'info', 'hint'][d.severity]}: ${d.message} at ${d.path.join('.')}`);
}
if (!document || errors.length > 0) {
  console.error(`asyncapi.yaml: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(`asyncapi.yaml valid: ${document.allMessages().length} messages`);
await SwaggerParser.validate(new URL('openapi.yaml', here).pathname);
console.log('openapi.yaml valid');
