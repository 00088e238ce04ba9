import { registeredRoutes } from '../../src/bootstrap';
import { startApp, TestApp } from '../helpers/test-app';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: object }> } };
  beforeAll(async () => {
    t = await startApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('lists every route the server answers', () => {
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const registered = registeredRoutes(t.app).filter((r) => / \/api\//.test(r) && !r.includes('/api/docs'));
    expect(registered.length).toBeGreaterThan(5);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('describes each operation with a response schema and each request body with a schema of named fields', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        if (!ok) problems.push(`${method} ${path}: no 2xx response`);
        else if (ok[0] !== '204' && !ok[1].content?.['application/json']?.schema) problems.push(`${method} ${path}: 2xx without schema`);
        if (op.requestBody) {
          const ref = op.requestBody.content['application/json']?.schema?.$ref;
          const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
          if (!schema?.properties) problems.push(`${method} ${path}: request body without named fields`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves Swagger UI', async () => {
    const res = await t.http().get('/api/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });
});

