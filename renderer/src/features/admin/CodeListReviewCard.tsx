import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { optionalText } from '@shared/schemas/common';
import { quarterParts } from '@shared/quarters';
import type { CodeListReview, CodeListReviewStatus } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { FormDialog } from '../../forms/FormDialog';
import { formatInstant } from '../../shell/format';

/** What a review line says: its quarter, when and who. */
const reviewParams = (review: CodeListReview) => ({ ...quarterParts(review.quarter), at: formatInstant(review.reviewedAt), name: review.userName });

/**
 * 季度复核 on 代码表 (customers.md: the lists are reviewed quarterly): whether this quarter's review is done, the
 * last one before it, and the button that records it. The dashboard reminds the admin until it is done.
 */
export function CodeListReviewCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<CodeListReviewStatus | null>(null);
  const [marking, setMarking] = useState(false);
  const load = useCallback(() => void call('codeLists.reviewStatus', {}).then(setStatus), []);
  useEffect(load, [load]);
  if (!status) return null;

  const quarter = quarterParts(status.quarter);
  const previous = status.previous ? t('codeLists.review.previous', reviewParams(status.previous)) : t('codeLists.review.never');
  return (
    <>
      <Alert
        data-testid="code-list-review"
        type={status.current ? 'success' : 'warning'}
        showIcon
        message={status.current ? t('codeLists.review.done', reviewParams(status.current)) : t('codeLists.review.pending', quarter)}
        description={status.current?.notes ? `${t('codeLists.review.notes')}：${status.current.notes}` : status.current ? undefined : previous}
        action={
          !status.current && (
            <Button icon={<CheckCircleOutlined />} onClick={() => setMarking(true)} data-testid="mark-reviewed">
              {t('codeLists.review.mark')}
            </Button>
          )
        }
      />
      {marking && (
        <MarkReviewedDialog
          quarter={quarter}
          onClose={() => setMarking(false)}
          onDone={(next) => {
            setMarking(false);
            setStatus(next);
            void message.success(t('codeLists.review.marked'));
          }}
        />
      )}
    </>
  );
}

function MarkReviewedDialog(props: { quarter: { year: number; quarter: number }; onClose: () => void; onDone: (status: CodeListReviewStatus) => void }) {
  const { t } = useTranslation();
  const { form, frame } = useDrawerForm<{ notes?: string }>({
    errorLine: 'unmarked',
    onClose: props.onClose,
    save: async (values) => props.onDone(await call('codeLists.markReviewed', { notes: values.notes?.trim() || null })),
  });
  return (
    <FormDialog
      title={t('codeLists.review.markTitle', props.quarter)}
      width={520}
      okText={t('codeLists.review.mark')}
      frame={frame}
      onCancel={frame.close}
      testIds={{ save: 'review-ok', form: 'review-form' }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="notes" label={t('codeLists.review.notes')} rules={[zodRule(optionalText(200), t)]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} count={{ show: true, max: 200 }} placeholder={t('codeLists.review.notesPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
