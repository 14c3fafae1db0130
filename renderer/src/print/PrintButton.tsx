import { Button, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePrintActions } from './usePrintActions';

export interface PrintButtonProps {
  /** Sheet name as registered in sheets.tsx. */
  sheet: string;
  id: string | number;
  /** File name of the PDF, without extension (e.g. 客户卡-KH0001-鑫达包装). */
  title: string;
  /** Text of the print button (e.g. 打印客户卡); defaults to 打印. */
  label?: string;
}

/**
 * "打印" and "导出 PDF" side by side: the one way screens offer a printed sheet. Test ids:
 * `print-<sheet>` and `pdf-<sheet>`.
 */
export function PrintButton({ sheet, id, title, label }: PrintButtonProps) {
  const { t } = useTranslation();
  const { print, pdf, busy } = usePrintActions();
  const route = `/print/${sheet}/${id}`;
  return (
    <Space.Compact>
      <Button icon={<PrinterOutlined />} data-testid={`print-${sheet}`} onClick={() => void print(route)}>
        {label ?? t('print.print')}
      </Button>
      <Button icon={<FilePdfOutlined />} data-testid={`pdf-${sheet}`} loading={busy} onClick={() => void pdf(route, title)}>
        {t('print.pdf')}
      </Button>
    </Space.Compact>
  );
}
