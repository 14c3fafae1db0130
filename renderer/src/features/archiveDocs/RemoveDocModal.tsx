import { useTranslation } from 'react-i18next';
import { archiveDocRemoveInput } from '@shared/schemas/archiveDoc';
import { call } from '../../api/client';
import { ReasonDialog } from '../../forms/ReasonDialog';

/** Removes a document registered by mistake: the reason is kept with the row (nothing is deleted). */
export function RemoveDocModal({ doc, onClose, onRemoved }: { doc: { id: number; title: string }; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('archiveDocs.removeTitle', { title: doc.title })}
      okText={t('archiveDocs.remove')}
      label={t('archiveDocs.removeReason')}
      rule={archiveDocRemoveInput.shape.reason}
      maxLength={200}
      okTestId="remove-archive-doc-ok"
      onSubmit={async (reason) => {
        await call('archiveDocs.remove', { id: doc.id, reason });
        onRemoved();
      }}
      onClose={onClose}
    />
  );
}
