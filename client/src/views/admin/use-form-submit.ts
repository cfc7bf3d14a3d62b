import { useState } from 'react';
import type { z } from 'zod';
import { checkInput, failureOf, type FieldErrors } from '../../lib/admin-forms';

export interface FormSubmit {
  busy: boolean;
  fieldErrors: FieldErrors;
  /** i18n key of the form's message, or null. */
  errorKey: string | null;
  /** Checks the input with `schema`, then sends it; true when the server accepted it. */
  submit<S extends z.ZodType>(schema: S, input: unknown, send: (data: z.infer<S>) => Promise<void>): Promise<boolean>;
  clear(): void;
}

/** A form's sending state: the shared schema's verdict before sending, the server's after. */
export function useFormSubmit(): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [errorKey, setErrorKey] = useState<string | null>(null);

  const clear = () => {
    setFieldErrors({});
    setErrorKey(null);
  };

  async function submit<S extends z.ZodType>(schema: S, input: unknown, send: (data: z.infer<S>) => Promise<void>): Promise<boolean> {
    const checked = checkInput(schema, input);
    if (!checked.ok) {
      setFieldErrors(checked.errors);
      setErrorKey('admin.checkFields');
      return false;
    }
    setBusy(true);
    clear();
    try {
      await send(checked.data);
      return true;
    } catch (error) {
      const failure = failureOf(error);
      setFieldErrors(failure.fields);
      setErrorKey(failure.key);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, fieldErrors, errorKey, submit, clear };
}
