import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import v1Schema from '../../../lib/export/ofsted-annotations.v1.schema.json';
import v2Schema from '../../../lib/export/ofsted-annotations.v2.schema.json';
import v3Schema from '../../../lib/export/ofsted-annotations.v3.schema.json';

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

/** The current export format's JSON Schema (version 3), compiled once. */
export const validateExport = ajv.compile(v3Schema);

/** The version-2 JSON Schema, which describes the files exports wrote before version 3. */
export const validateV2Export = ajv.compile(v2Schema);

/** The version-1 JSON Schema, which describes the files the first exports wrote. */
export const validateV1Export = ajv.compile(v1Schema);

/** Asserts that `data` is a valid version-3 export, showing ajv's errors if not. */
export function expectValidExport(data: unknown): void {
  const valid = validateExport(data);
  expect(validateExport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** Asserts that `data` is a valid version-2 export, showing ajv's errors if not. */
export function expectValidV2Export(data: unknown): void {
  const valid = validateV2Export(data);
  expect(validateV2Export.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** Asserts that `data` is a valid version-1 export, showing ajv's errors if not. */
export function expectValidV1Export(data: unknown): void {
  const valid = validateV1Export(data);
  expect(validateV1Export.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
