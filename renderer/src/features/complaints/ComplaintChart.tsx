import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES, type ComplaintMonthRow, type ComplaintType } from '@shared/schemas/complaint';

const COLORS: Record<ComplaintType, string> = {
  suggestion: '#8fb3e8',
  query: '#1f5fbf',
  grievance: '#f0a331',
  complaint: '#cf1322',
};
/** Types in stacking order, bottom first; legend and tooltip keep this order (not alphabetical). */
const order = (key: unknown) => COMPLAINT_TYPES.indexOf(key as ComplaintType);

/** The type drawn on top of a month's stack (the last non-zero one): the month's total is written above it. */
const topType = (row: ComplaintMonthRow | undefined) =>
  [...COMPLAINT_TYPES].reverse().find((type) => (row?.[type] ?? 0) > 0);

/** Complaints by type and month as stacked bars. The rows come shaped (shared/reports); this only draws. */
export function ComplaintChart({ rows }: { rows: ComplaintMonthRow[] }) {
  const { t } = useTranslation();
  return (
    <ResponsiveContainer width="100%" height={360}>
      <BarChart data={rows} margin={{ top: 20, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" />
        <YAxis allowDecimals={false} />
        <Tooltip itemSorter={(item) => -order(item.dataKey)} />
        <Legend itemSorter={(item) => order(item.dataKey)} />
        {COMPLAINT_TYPES.map((type) => (
          // Animation off: tests and screenshots see the final bars at once.
          <Bar
            key={type}
            dataKey={type}
            stackId="types"
            name={t(`complaints.types.${type}`)}
            fill={COLORS[type]}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="total"
              content={(props) => {
                const { x, y, width, index, value } = props as {
                  x?: number;
                  y?: number;
                  width?: number;
                  index?: number;
                  value?: number;
                };
                if (
                  index === undefined ||
                  topType(rows[index]) !== type ||
                  x === undefined ||
                  y === undefined ||
                  width === undefined
                )
                  return null;
                return (
                  <text x={x + width / 2} y={y - 6} textAnchor="middle" fill="#595959" fontSize={12}>
                    {value}
                  </text>
                );
              }}
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
