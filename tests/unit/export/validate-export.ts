import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import v1Schema from '../../../lib/export/ofsted-annotations.v1.schema.json';
import v2Schema from '../../../lib/export/ofsted-annotations.v2.schema.json';

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

/** The current export format's JSON Schema (version 2), compiled once. */
export const validateExport = ajv.compile(v2Schema);

/** The version-1 JSON Schema, which describes the files earlier exports wrote. */
export const validateV1Export = ajv.compile(v1Schema);

/** Asserts that `data` is a valid version-2 export, showing ajv's errors if not. */
export function expectValidExport(data: unknown): void {
  const valid = validateExport(data);
  expect(validateExport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** Asserts that `data` is a valid version-1 export, showing ajv's errors if not. */
export function expectValidV1Export(data: unknown): void {
  const valid = validateV1Export(data);
  expect(validateV1Export.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
