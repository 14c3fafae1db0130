import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '@shared/dates';
import { useAuth } from '../auth/AuthContext';
import './print.css';

export interface PrintSheetProps {
  /** The sheet's name, printed as its title and used as the PDF's title (e.g. 客户投诉记录单). */
  title: string;
  /** Reference printed top right (e.g. 编号：TS-2026-0001). */
  reference?: string;
  /** Printed top left under the title (e.g. the customer). */
  subject?: string;
  /** Signature lines at the end (e.g. 经办人, 部门负责人). */
  signatures?: string[];
  orientation?: 'portrait' | 'landscape';
  /** False while the data loads; PDF rendering waits for true (body[data-print-ready]). */
  ready: boolean;
  children: ReactNode;
}

/** A CSS string literal: the @page margin boxes take their text from the stylesheet. */
const cssText = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

const PAGE = '\u0001';
const PAGES = '\u0002';

/** "第 {{page}} 页 / 共 {{pages}} 页" as CSS content: the text around the placeholders, and page counters in them. */
function pageCounterContent(text: string): string {
  const parts: string[] = [];
  text.split(PAGE).forEach((chunk, i) => {
    if (i > 0) parts.push('counter(page)');
    chunk.split(PAGES).forEach((piece, j) => {
      if (j > 0) parts.push('counter(pages)');
      if (piece) parts.push(cssText(piece));
    });
  });
  return parts.join(' ');
}

/**
 * The A4 layout every printed sheet shares: organisation line, title, reference, body, signature lines; page
 * numbers ("第 n 页 / 共 m 页"), print date and the printing user in the page margins of every page.
 */
export function PrintSheet({ title, reference, subject, signatures, orientation = 'portrait', ready, children }: PrintSheetProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const printedOn = localDate(new Date());

  useEffect(() => {
    document.title = title;
    if (ready) document.body.dataset.printReady = '1';
    return () => {
      delete document.body.dataset.printReady;
    };
  }, [ready, title]);

  const pageStyle = `
    @page {
      size: A4 ${orientation};
      margin: 14mm 12mm 16mm;
      @bottom-left { content: ${cssText(t('print.printedBy', { date: printedOn, name: user.displayName }))}; font-size: 8pt; color: #444; }
      @bottom-right { content: ${pageCounterContent(t('print.pageOf', { page: PAGE, pages: PAGES }))}; font-size: 8pt; color: #444; }
    }`;

  return (
    <div className={`print-sheet ${orientation}`} data-testid="print-sheet">
      <style>{pageStyle}</style>
      <div className="print-org">{t('print.organisation')}</div>
      <div className="print-title">{title}</div>
      <div className="print-meta">
        <span>{subject}</span>
        <span>{reference}</span>
      </div>
      {children}
      {signatures && signatures.length > 0 && (
        <div className="print-signatures">
          {signatures.map((s) => (
            <div key={s}>
              {s}：<span className="line" style={{ width: '60%' }} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
