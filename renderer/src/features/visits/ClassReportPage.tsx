import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Statistic, Typography } from 'antd';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { classDistribution } from '@shared/reports/classDistribution';
import type { ClassReport } from '@shared/schemas/visits';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { ClassChart } from '../dashboard/ClassChart';

type StaffLine = ClassReport['byStaff'][number];

const share = (n: number, total: number) => (total === 0 ? '0.0%' : `${((n * 100) / total).toFixed(1)}%`);

/** 客户等级分布: the actual A/B/C mix of customers on file against the 20/40/40 guideline, overall or per manager. */
export function ClassReportPage() {
  const { t, i18n } = useTranslation();
  const [staffId, setStaffId] = useState<number | null>(null);
  const [report, setReport] = useState<ClassReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      call('reports.classDistribution', staffId === null ? {} : { staffId })
        .then((r) => {
          setReport(r);
          setError(null);
        })
        .catch((err: unknown) => setError(errorText(err, t)));
    void load();
    return onEvent('data.changed', (e) => e.entity === 'customer' && void load());
  }, [staffId, t]);

  const shares = report ? classDistribution(report.byClass) : [];
  const total = shares.reduce((n, s) => n + s.count, 0);
  const f = (id: string) => t(`visits.classReport.fields.${id}`);
  const columns = useMemo<ColDef<StaffLine>[]>(
    () => [
      { field: 'staffName', headerName: f('staffName'), width: 120 },
      { field: 'employeeNo', headerName: f('employeeNo'), width: 100 },
      { field: 'A', headerName: f('A'), width: 90, type: 'rightAligned' },
      { field: 'B', headerName: f('B'), width: 90, type: 'rightAligned' },
      { field: 'C', headerName: f('C'), width: 90, type: 'rightAligned' },
      { field: 'total', headerName: f('total'), width: 90, type: 'rightAligned' },
      { colId: 'shareA', headerName: f('shareA'), width: 110, type: 'rightAligned', valueGetter: (p) => (p.data ? share(p.data.A, p.data.total) : '') },
      { colId: 'shareB', headerName: f('shareB'), width: 110, type: 'rightAligned', valueGetter: (p) => (p.data ? share(p.data.B, p.data.total) : '') },
      { colId: 'shareC', headerName: f('shareC'), width: 110, type: 'rightAligned', valueGetter: (p) => (p.data ? share(p.data.C, p.data.total) : '') },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  return (
    <div className="page" data-testid="class-report">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('visits.classReport.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('visits.classReport.help')}</Typography.Text>
        </div>
        <div className="toolbar">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            placeholder={t('visits.classReport.allStaff')}
            value={staffId}
            onChange={(v: number | undefined) => setStaffId(v ?? null)}
            options={(report?.byStaff ?? []).map((s) => ({ value: s.staffId, label: `${s.staffName}（${s.employeeNo}）` }))}
            data-testid="class-report-staff"
          />
        </div>
      </div>
      {error && <Alert type="error" showIcon message={error} />}
      <Row gutter={12} className="stat-cards">
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('visits.classReport.total')} value={total} loading={!report} data-testid="class-total" />
          </Card>
        </Col>
        {shares.map((s) => (
          <Col span={6} key={s.abcClass}>
            <Card size="small">
              <Statistic
                title={`${t(`enums.abcClass.${s.abcClass}`)} · ${t('visits.classReport.guideline', { percent: s.guidelinePercent })}`}
                value={s.count}
                suffix={<span style={{ fontSize: 14, color: '#8c8c8c' }}>{`（${(s.actualPermille / 10).toFixed(1)}%）`}</span>}
                data-testid={`class-count-${s.abcClass}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('visits.classReport.chartTitle')}>
        {report && <ClassChart shares={shares} />}
      </Card>
      <Card size="small" title={t('visits.classReport.byStaff')}>
        <AgGridReact<StaffLine>
          theme={gridTheme}
          localeText={gridLocaleText(i18n.language)}
          rowData={report?.byStaff ?? []}
          columnDefs={columns}
          domLayout="autoHeight"
          getRowId={(p) => String(p.data.staffId)}
          onRowClicked={(e) => e.data && setStaffId(e.data.staffId)}
          rowClassRules={{ 'row-selected': (p) => p.data?.staffId === staffId }}
        />
      </Card>
    </div>
  );
}
