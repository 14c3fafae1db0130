import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ClassShare } from '@shared/reports/classDistribution';

/** Actual ABC mix against the 20/40/40 guideline. Data comes shaped; this only draws. */
export function ClassChart({ shares }: { shares: ClassShare[] }) {
  const { t } = useTranslation();
  const data = shares.map((s) => ({
    name: t(`enums.abcClass.${s.abcClass}`),
    actual: s.actualPermille / 10,
    guideline: s.guidelinePercent,
    count: s.count,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 10, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis unit="%" domain={[0, 60]} />
        <Tooltip formatter={(value) => `${String(value)}%`} />
        <Legend />
        <Bar dataKey="actual" name={t('dashboard.actual')} fill="#1f5fbf" isAnimationActive={false} label={{ position: 'top', formatter: (v: unknown) => `${String(v)}%` }} />
        <Bar dataKey="guideline" name={t('dashboard.guideline')} fill="#bfd3ee" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
