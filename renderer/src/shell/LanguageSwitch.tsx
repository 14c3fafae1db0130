import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/i18n/translate';
import { rememberLocale } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select
      size="small"
      variant="borderless"
      aria-label={t('common.language')}
      suffixIcon={<GlobalOutlined />}
      value={i18n.language as Locale}
      style={{ width: 110 }}
      onChange={(lng: Locale) => {
        rememberLocale(lng);
        void i18n.changeLanguage(lng);
      }}
      options={[
        { value: 'zh-CN', label: '简体中文' },
        { value: 'en-US', label: 'English' },
      ]}
    />
  );
}
