import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { isId, isIdParam, isMalformedIdError, parseId, parseIdParams } from './index';

describe('record ids from URLs', () => {
  it('accepts any UUID, in either case', () => {
    fc.assert(fc.property(fc.uuid(), (id) => isId(id) && isId(id.toUpperCase()) && parseId(id) === id));
  });

  it('answers not_found for anything else', () => {
    for (const bad of ['abc', '', '1', '00000000-0000-0000-0000-00000000000z', ' 6f1c1a52-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      expect(() => parseId(bad)).toThrow(AppError);
      expect(() => parseId(bad)).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
    const uuidShape = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => isId(text) === uuidShape.test(text)));
  });

  it('checks the id segments of route params and leaves the others alone', () => {
    expect(isIdParam('id') && isIdParam('runId') && isIdParam('schoolId') && isIdParam('itemId')).toBe(true);
    expect(isIdParam('nextauth') || isIdParam('slug') || isIdParam('Id')).toBe(false);
    expect(() => parseIdParams({ runId: '6f1c1a52-0000-4000-8000-000000000000', schoolId: 'x' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(parseIdParams({ nextauth: ['signin'] })).toEqual({ nextauth: ['signin'] });
  });

  it('recognises the database refusing a malformed uuid, and only that', () => {
    expect(isMalformedIdError('22P02', 'invalid input syntax for type uuid: "abc"')).toBe(true);
    expect(isMalformedIdError('22P02', 'invalid input syntax for type integer: "x"')).toBe(false);
    expect(isMalformedIdError('08006', 'connection failure uuid')).toBe(false);
  });
});
