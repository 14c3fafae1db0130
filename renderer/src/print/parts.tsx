import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A bold section heading inside a sheet. */
export function PrintSection({ children }: { children: ReactNode }) {
  return <div className="print-section">{children}</div>;
}

export interface PrintField {
  label: string;
  value: ReactNode;
  /** How many value cells it spans (1 = half a row in a two-column table). */
  span?: 1 | 2 | 3;
}

/**
 * Label/value pairs in a bordered table, `columns` pairs per row (the look of the office's paper forms).
 * Empty values print as an empty cell so the clerk can fill them in by hand.
 */
export function FieldTable({ fields, columns = 2 }: { fields: PrintField[]; columns?: 2 | 3 }) {
  const rows: PrintField[][] = [];
  let row: PrintField[] = [];
  let used = 0;
  for (const field of fields) {
    const span = Math.min(field.span ?? 1, columns);
    if (used + span > columns) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ ...field, span: span as 1 | 2 | 3 });
    used += span;
  }
  if (row.length) rows.push(row);
  return (
    <table className="print-table">
      <colgroup>
        {Array.from({ length: columns }, (_, i) => [<col key={`l${i}`} style={{ width: '27mm' }} />, <col key={`v${i}`} />])}
      </colgroup>
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((cell) => [
              <td key={`${cell.label}-l`} className="label">
                {cell.label}
              </td>,
              <td key={`${cell.label}-v`} colSpan={(cell.span ?? 1) * 2 - 1}>
                {cell.value}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface PrintColumn<T> {
  title: string;
  /** Relative width (mm are not known for landscape vs portrait; the table scales). */
  width?: string;
  value: (row: T, index: number) => ReactNode;
}

/** A register-style table with a header repeated on every page. */
export function ListTable<T>({ columns, rows, empty }: { columns: PrintColumn<T>[]; rows: T[]; empty?: string }) {
  const { t } = useTranslation();
  return (
    <table className="print-table">
      <colgroup>
        {columns.map((c) => (
          <col key={c.title} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="print-empty">
              {empty ?? t('print.empty')}
            </td>
          </tr>
        ) : (
          rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.title}>{c.value(row, i)}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
