import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../../lib/export/ofsted-annotations.v1.schema.json';

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

/** The export format's JSON Schema, compiled once. */
export const validateExport = ajv.compile(schema);

/** Asserts that `data` is a valid version-1 export, showing ajv's errors if not. */
export function expectValidExport(data: unknown): void {
  const valid = validateExport(data);
  expect(validateExport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
