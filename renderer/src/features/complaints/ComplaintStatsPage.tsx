import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES, MAX_CHART_MONTHS, type ComplaintMonthRow } from '@shared/schemas/complaint';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ComplaintChart } from './ComplaintChart';
import { ComplaintViews } from './ComplaintViews';

/** 投诉统计: complaints by type and month (the last twelve months unless the user picks others). */
export function ComplaintStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(11, 'month').startOf('month'),
    dayjs().startOf('month'),
  ]);
  const [rows, setRows] = useState<ComplaintMonthRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setRows(null);
    call('complaints.byMonth', { fromMonth: range[0].format('YYYY-MM'), toMonth: range[1].format('YYYY-MM') })
      .then((r) => live && (setRows(r), setError(null)))
      .catch((err: unknown) => live && setError(errorText(err, t)));
    return () => {
      live = false;
    };
  }, [range, t]);

  const total = (key: keyof ComplaintMonthRow) => (rows ?? []).reduce((n, r) => n + (r[key] as number), 0);
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {t('complaints.views.statistics')}
        </Typography.Title>
        <ComplaintViews current="statistics" />
      </div>
      <Card
        size="small"
        title={t('complaints.chart.title')}
        extra={
          <DatePicker.RangePicker
            picker="month"
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d, info) =>
              info.from ? Math.abs(d.diff(info.from, 'month')) >= MAX_CHART_MONTHS : false
            }
            data-testid="chart-range"
          />
        }
      >
        {error && <Alert type="error" showIcon message={error} />}
        {!rows && !error && <Spin />}
        {rows && (
          <div data-testid="complaint-chart">
            <ComplaintChart rows={rows} />
            <Table<ComplaintMonthRow>
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={rows}
              style={{ marginTop: 12 }}
              columns={[
                { title: t('complaints.chart.range'), dataIndex: 'month' },
                ...COMPLAINT_TYPES.map((type) => ({
                  title: t(`complaints.types.${type}`),
                  dataIndex: type,
                  align: 'right' as const,
                })),
                { title: t('complaints.chart.total'), dataIndex: 'total', align: 'right' as const },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('complaints.chart.total')}</Table.Summary.Cell>
                  {COMPLAINT_TYPES.map((type, i) => (
                    <Table.Summary.Cell key={type} index={i + 1} align="right">
                      {total(type)}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={COMPLAINT_TYPES.length + 1} align="right">
                    {total('total')}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
