import { Alert, Button, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SHEETS } from './sheets';
import { usePrintActions } from './usePrintActions';

/**
 * `#/print/<sheet>/<id>`: one sheet on its own, outside the app's frame. Electron's hidden print window, the
 * browser host's PDF renderer and the in-page print frame all load this route; a person sees a toolbar above
 * the page (hidden in print).
 */
export function PrintRoute() {
  const { t } = useTranslation();
  const { sheet = '', id = '' } = useParams();
  const Sheet = SHEETS[sheet];
  const { print, pdf, busy } = usePrintActions();
  const embedded = window.self !== window.top;
  if (!Sheet) {
    return <Alert type="error" showIcon message={t('print.unknownSheet', { sheet })} style={{ margin: 24 }} />;
  }
  return (
    <div className="print-desk">
      {!embedded && (
        <div className="print-toolbar">
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => void print(`/print/${sheet}/${id}`)}>
              {t('print.print')}
            </Button>
            <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void pdf(`/print/${sheet}/${id}`, document.title)}>
              {t('print.pdf')}
            </Button>
          </Space>
        </div>
      )}
      <Sheet id={id} />
    </div>
  );
}
