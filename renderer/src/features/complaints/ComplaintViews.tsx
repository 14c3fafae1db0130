import { Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

type View = 'register' | 'satisfaction' | 'statistics';
const ROUTE: Record<View, string> = {
  register: '/complaints',
  satisfaction: '/complaints/satisfaction',
  statistics: '/complaints/statistics',
};

/** Switches between the complaints area's three views: the register, the satisfaction register, the chart. */
export function ComplaintViews({ current }: { current: View }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented<View>
      value={current}
      onChange={(v) => void navigate(ROUTE[v])}
      options={(Object.keys(ROUTE) as View[]).map((v) => ({ value: v, label: t(`complaints.views.${v}`) }))}
      data-testid="complaint-views"
    />
  );
}
