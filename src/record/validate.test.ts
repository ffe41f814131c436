import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { defaultPipeline } from '../analyze/index.ts';
import { articleJsonSchema } from './json-schema.ts';
import { validateRecord } from './validate.ts';

const committed = JSON.parse(readFileSync(new URL('./article.schema.json', import.meta.url), 'utf8'));
const record = () => defaultPipeline().analyze({ text: 'قال الوزير «نعم». ثم غادر.', meta: {} });

describe('the article record schema', () => {
  it('the committed JSON Schema is what the zod schema generates (run npm run build:schema)', () => {
    assert.deepEqual(committed, JSON.parse(JSON.stringify(articleJsonSchema())));
  });

  it('a record the pipeline makes validates against the committed JSON Schema and the validator', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed);
    const r = record();
    assert.ok(validate(r), JSON.stringify(validate.errors));
    assert.deepEqual(validateRecord(r), { ok: true, errors: [] });
  });

  it('rejects a record whose span text is not the slice it claims', () => {
    const r = record();
    r.entities.push({ type: 'PER', text: 'الوزيرة', start: 4, end: 10 });
    const v = validateRecord(r);
    assert.equal(v.ok, false);
    assert.match(v.errors[0]!, /entities\[0\]: text "الوزيرة" is not text.slice\(4, 10\)/);
  });

  it('rejects spans outside the text and fields of the wrong shape', () => {
    const r = record();
    r.diagnostics.push({ code: 'x', message: 'y', start: 3, end: 999 });
    assert.match(validateRecord(r).errors[0]!, /outside the text/);
    assert.equal(validateRecord({ ...record(), quotes: [{ kind: 'shouted' }] }).ok, false);
    assert.equal(validateRecord({ ...record(), schema: 'isnad/article@2' }).ok, false);
  });
});
