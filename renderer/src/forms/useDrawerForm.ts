import { useState, type KeyboardEvent } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from './zodRule';
import { formKeyHandler } from './keyboard';

interface Options<V> {
  /** Sends the validated values to the backend; what it throws is shown on the form. */
  save: (values: V) => Promise<void>;
  /** Leaves the form (after saving, or once the user agreed to discard). */
  onClose: () => void;
  /** Where the backend's field paths start (e.g. 'customer.'), so its refusal marks the field it names. */
  fieldPrefixes?: string[];
  /**
   * The error line above the form: 'always' beside the marked field (the drawers, whose fields may be out of
   * sight), or 'unmarked' only when no field could take the refusal (a dialog, where every field is in view).
   */
  errorLine?: 'always' | 'unmarked';
  /** After a refusal that no field could take (e.g. scroll to the top of a long form). */
  onUnmarked?: () => void;
}

/** What a form's frame (FormDrawer, or a dialog) needs from useDrawerForm. */
export interface DrawerFormFrame {
  busy: boolean;
  error: string | null;
  submit: () => void;
  close: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The save frame every record form shares: validate as the user typed, one save at a time (busy), the backend's
 * refusal on its field and in the error line, Ctrl+S / Enter through `onKeyDown`, and `close`, which asks before
 * unsaved changes are thrown away.
 */
export function useDrawerForm<V>({
  save,
  onClose,
  fieldPrefixes,
  errorLine = 'always',
  onUnmarked,
}: Options<V>) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields already show what is wrong
    }
    setBusy(true);
    setError(null);
    try {
      await save(values);
    } catch (err) {
      const marked = applyFieldErrors(form, err, t, fieldPrefixes);
      if (errorLine === 'always' || !marked) setError(errorText(err, t));
      if (!marked) onUnmarked?.();
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedBody'),
      okText: t('common.discard'),
      cancelText: t('common.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

  const frame: DrawerFormFrame = {
    busy,
    error,
    submit: () => void submit(),
    close,
    onKeyDown: formKeyHandler(() => void submit()),
  };
  return { form, frame };
}
