import { Button, Dropdown, Space } from 'antd';
import { DownOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePrintActions } from './usePrintActions';
import { useExportTargets } from '../features/delivery/exportTargets';
import { TargetStateTag } from '../features/delivery/stateTags';

export interface PrintButtonProps {
  /** Sheet name as registered in sheets.tsx. */
  sheet: string;
  id: string | number;
  /** File name of the PDF, without extension (e.g. 客户卡-KH0001-鑫达包装). */
  title: string;
  /** Text of the print button (e.g. 打印客户卡); defaults to 打印. */
  label?: string;
  /**
   * Sent to an export target, the PDF files under this register name (the `{register}` of sub-folders) as
   * `{register}_{date}_{docNo}.pdf`. Both default to the title's first two parts (客户卡, KH0001).
   */
  register?: string;
  docNo?: string;
}

/**
 * "打印" and "导出 PDF" side by side: the one way screens offer a printed sheet. When export targets exist, a
 * third part offers 发送到导出目标 with each target, as the export menus do. Test ids: `print-<sheet>`,
 * `pdf-<sheet>`, `pdf-send-<sheet>` and `pdf-target-<id>`.
 */
export function PrintButton({ sheet, id, title, label, register, docNo }: PrintButtonProps) {
  const { t } = useTranslation();
  const { print, pdf, send, busy } = usePrintActions();
  const targets = useExportTargets();
  const route = `/print/${sheet}/${id}`;
  const [titleRegister, titleDocNo] = title.split('-');
  const filing = { register: register ?? titleRegister ?? title, docNo: docNo ?? titleDocNo };
  return (
    <Space.Compact>
      <Button icon={<PrinterOutlined />} data-testid={`print-${sheet}`} onClick={() => void print(route)}>
        {label ?? t('print.print')}
      </Button>
      <Button icon={<FilePdfOutlined />} data-testid={`pdf-${sheet}`} loading={busy} onClick={() => void pdf(route, title)}>
        {t('print.pdf')}
      </Button>
      {targets.length > 0 && (
        <Dropdown
          trigger={['click']}
          disabled={busy}
          menu={{
            items: [
              {
                type: 'group',
                key: 'targets',
                label: t('delivery.export.sendTo'),
                children: targets.map((o) => ({
                  key: String(o.id),
                  label: (
                    <span data-testid={`pdf-target-${o.id}`}>
                      {o.name} {o.state !== 'ok' && <TargetStateTag state={o.state} />}
                    </span>
                  ),
                })),
              },
            ],
            onClick: ({ key }) => void send(route, title, { targetId: Number(key), ...filing }),
          }}
        >
          <Button icon={<DownOutlined />} aria-label={t('delivery.export.sendTo')} title={t('delivery.export.sendTo')} data-testid={`pdf-send-${sheet}`} />
        </Dropdown>
      )}
    </Space.Compact>
  );
}
