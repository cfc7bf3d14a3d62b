import { describe, expect, it } from 'vitest';
import {
  plateFeedback,
  serverFieldErrors,
  validateActionForm,
  visibleFields,
  type ActionFormValues,
} from './action-form';

const values = (overrides: Partial<ActionFormValues>): ActionFormValues => ({
  type: 'arrest',
  plate: '',
  caseNumber: '',
  notes: '',
  corrects: null,
  ...overrides,
});

describe('visibleFields', () => {
  it('shows the fields the catalog requires, and notes always', () => {
    expect(visibleFields('arrest')).toEqual(['plate', 'notes']);
    expect(visibleFields('prosecution_referral')).toEqual(['caseNumber', 'notes']);
    expect(visibleFields('no_action')).toEqual(['notes']);
  });
});

describe('plateFeedback', () => {
  it('shows the canonical plate while typing', () => {
    expect(plateFeedback('قصب1234')).toEqual({ canonical: 'ق ص ب ١٢٣٤', error: null });
  });

  it('says nothing for an empty field and refuses what is not a plate', () => {
    expect(plateFeedback('  ')).toEqual({ canonical: null, error: null });
    expect(plateFeedback('ABC123').error?.key).toBe('plateInvalid');
  });
});

describe('validateActionForm', () => {
  it('sends an arrest with the plate in canonical form and trimmed notes', () => {
    expect(validateActionForm(values({ plate: 'قصب1234', notes: '  at the toll gate ' }))).toEqual({
      request: { type: 'arrest', plate: 'ق ص ب ١٢٣٤', notes: 'at the toll gate' },
      errors: {},
    });
  });

  it('requires the plate of an arrest and the case number of a referral', () => {
    expect(validateActionForm(values({})).errors).toEqual({ plate: { key: 'required' } });
    expect(validateActionForm(values({ type: 'prosecution_referral' })).errors).toEqual({ caseNumber: { key: 'required' } });
    expect(validateActionForm(values({ type: 'no_action' })).errors).toEqual({ notes: { key: 'required' } });
  });

  it('refuses a plate that is not Egyptian and a case number without digits', () => {
    expect(validateActionForm(values({ plate: 'XYZ' })).errors.plate?.key).toBe('plateInvalid');
    const referral = values({ type: 'prosecution_referral', caseNumber: 'جنح مدينة نصر' });
    expect(validateActionForm(referral).errors.caseNumber?.key).toBe('caseNumberInvalid');
  });

  it('accepts a case number as the prosecution writes it', () => {
    const referral = values({ type: 'prosecution_referral', caseNumber: '1234 لسنة 2026 جنح مدينة نصر' });
    expect(validateActionForm(referral).request).toEqual({ type: 'prosecution_referral', caseNumber: '1234 لسنة 2026 جنح مدينة نصر' });
  });

  it('leaves out fields the type does not show, and carries what it corrects', () => {
    const referral = values({ type: 'prosecution_referral', caseNumber: '12/2026', plate: 'left over', corrects: 'act-1' });
    expect(validateActionForm(referral).request).toEqual({ type: 'prosecution_referral', caseNumber: '12/2026', corrects: 'act-1' });
  });
});

describe('serverFieldErrors', () => {
  it('puts each detail under the field it names, and the rest on the form', () => {
    expect(
      serverFieldErrors(
        [
          { path: 'plate', message: 'not an Egyptian plate' },
          { path: 'caseNumber', message: 'required for prosecution_referral' },
          { path: 'somethingElse', message: 'odd' },
        ],
        'the legal action is incomplete',
      ),
    ).toEqual({
      plate: { key: 'server', serverMessage: 'not an Egyptian plate' },
      caseNumber: { key: 'server', serverMessage: 'required for prosecution_referral' },
      form: { key: 'server', serverMessage: 'odd' },
    });
  });

  it('falls back to the error message when there are no details', () => {
    expect(serverFieldErrors([], 'nope')).toEqual({ form: { key: 'server', serverMessage: 'nope' } });
  });
});
