import type { ReactNode } from 'react';
import { Card, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  help?: string;
  /** Buttons at the top right (新建 …). */
  actions?: ReactNode;
  searchPlaceholder?: string;
  onSearch: (text: string) => void;
  /** Controls next to the search box (a status switch …). */
  filters?: ReactNode;
  rowCount: number | null;
  /** Tools at the right of the toolbar (export, reset columns …). */
  tools?: ReactNode;
  children: ReactNode;
}

/** The frame of every list page: title, a toolbar with quick search and the row count, then the grid. */
export function GridPage(props: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {props.title}
          </Typography.Title>
          {props.help && <Typography.Text type="secondary">{props.help}</Typography.Text>}
        </div>
        <div className="toolbar">{props.actions}</div>
      </div>
      <Card size="small" className="grid-card" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 } }}>
        <div className="toolbar">
          <Input.Search
            allowClear
            placeholder={props.searchPlaceholder ?? t('common.search')}
            style={{ width: 340 }}
            onSearch={(text) => props.onSearch(text.trim())}
            onChange={(e) => e.target.value === '' && props.onSearch('')}
            data-testid="quick-search"
          />
          {props.filters}
          <span className="toolbar-spacer" />
          <span className="row-count" data-testid="row-count">
            {props.rowCount === null ? '' : t('grid.rowCount', { n: props.rowCount.toLocaleString(i18n.language) })}
          </span>
          {props.tools}
        </div>
        {props.children}
      </Card>
    </div>
  );
}
