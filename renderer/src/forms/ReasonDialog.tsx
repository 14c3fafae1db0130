import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { FormDialog } from './FormDialog';
import { useDrawerForm } from './useDrawerForm';
import { zodRule } from './zodRule';

interface Props {
  title: string;
  okText: string;
  /** The reason field's label (作废原因, 移除原因 …). */
  label: string;
  /** What the step does, above the field. */
  intro?: string;
  /** The backend's own rule for the reason, so the field says what the backend would. */
  rule: ZodType<string>;
  /** The rule's maximum length: the counter shows it and turns red past it (the text is not cut — the rule says why). */
  maxLength: number;
  /** data-testid of the OK button (the form body gets `${okTestId}-form`). */
  okTestId: string;
  /** data-testid of the reason field, where a test types into it. */
  reasonTestId?: string;
  /** Takes the step with the trimmed reason; what it throws is shown on the dialog. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A step that cannot be taken back and keeps a reason with the record (a visit voided, a document removed, an
 * export job abandoned): one required reason, the OK button red, the backend's refusal on the field or above it.
 */
export function ReasonDialog(props: Props) {
  const { t } = useTranslation();
  const { form, frame } = useDrawerForm<{ reason: string }>({
    save: (values) => props.onSubmit(values.reason.trim()),
    onClose: props.onClose,
    errorLine: 'unmarked',
  });
  return (
    <FormDialog
      title={props.title}
      width={520}
      okText={props.okText}
      danger
      intro={props.intro}
      frame={frame}
      onCancel={props.onClose}
      testIds={{ save: props.okTestId, form: `${props.okTestId}-form` }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={props.label} rules={[zodRule(props.rule, t)]} required>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} count={{ show: true, max: props.maxLength }} data-testid={props.reasonTestId} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
