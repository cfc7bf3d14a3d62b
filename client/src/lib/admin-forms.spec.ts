import { describe, expect, it } from 'vitest';
import { userCreateSchema, webhookCreateSchema } from '@rasd/shared';
import { ApiError } from '../api/http';
import { checkInput, failureOf, fieldErrorsOf } from './admin-forms';

describe('checkInput', () => {
  it('refuses a password shorter than the shared policy before anything is sent', () => {
    const checked = checkInput(userCreateSchema, { username: 'sara.k', role: 'officer', password: 'short' });
    expect(checked).toEqual({ ok: false, errors: { password: 'admin.fieldErrors.password' } });
  });

  it('passes a valid account through unchanged', () => {
    const input = { username: 'سارة_1', role: 'dispatcher', password: 'long enough pass' };
    expect(checkInput(userCreateSchema, input)).toEqual({ ok: true, data: input });
  });

  it('names each bad field of a webhook once, whatever its index', () => {
    const checked = checkInput(webhookCreateSchema, { url: 'ftp://x', events: ['incident.deleted', 'nope'] });
    expect(checked).toEqual({ ok: false, errors: { url: 'admin.fieldErrors.url', events: 'admin.fieldErrors.events' } });
  });
});

describe('fieldErrorsOf', () => {
  it('tells a taken username from a malformed one', () => {
    expect(fieldErrorsOf([{ path: 'username', message: 'taken' }])).toEqual({ username: 'admin.fieldErrors.usernameTaken' });
    expect(fieldErrorsOf([{ path: 'username', message: 'letters, digits' }])).toEqual({ username: 'admin.fieldErrors.username' });
  });

  it('keeps fields it does not know, with a generic message', () => {
    expect(fieldErrorsOf([{ path: 'displayName', message: 'x' }])).toEqual({ displayName: 'admin.fieldErrors.invalid' });
  });
});

describe('failureOf', () => {
  it('maps the server’s password-policy 400 to the password field', () => {
    const error = new ApiError(400, 'invalid_input', 'the request is not valid', [{ path: 'password', message: 'at least 10 characters' }]);
    expect(failureOf(error)).toEqual({ key: 'admin.checkFields', fields: { password: 'admin.fieldErrors.password' } });
  });

  it('words refusals for the admin page and keeps the common ones', () => {
    expect(failureOf(new ApiError(403, 'forbidden', 'no')).key).toBe('admin.errors.forbidden');
    expect(failureOf(new ApiError(0, 'network', 'down')).key).toBe('errors.network');
    expect(failureOf(new Error('boom')).key).toBe('errors.generic');
  });
});
