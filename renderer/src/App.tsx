import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/schemas/auth';
import type { Permission } from '@shared/permissions';
import { call, CallError, setSessionExpiredHandler } from './api/client';
import { AuthContext, type Auth } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { SetupPage } from './auth/SetupPage';
import { RecoveryScreen } from './features/backups/RecoveryScreen';
import type { RecoveryStatus } from '@shared/schemas/backups';
import { ReloginModal } from './auth/ReloginModal';
import { createAppRouter } from './shell/routes';
import { CJK_FONT } from './grid/agGrid';

type Phase =
  | { kind: 'loading' }
  | { kind: 'recovery'; status: RecoveryStatus }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: string }
  | { kind: 'app'; user: SessionUser };

interface Relogin {
  retry: () => Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const SESSION_POLL_MS = 60_000;

function Root() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [relogin, setRelogin] = useState<Relogin | null>(null);
  const router = useMemo(() => createAppRouter(), []);

  useEffect(() => {
    // A database that failed its start-up check opens the recovery screen (恢复模式) before anything else.
    call('recovery.status', {})
      .then((recovery) => (recovery.active ? (setPhase({ kind: 'recovery', status: recovery }), null) : call('setup.status', {})))
      .then(async (setup) => {
        if (!setup) return;
        if (setup.needsAdmin) return setPhase({ kind: 'setup' });
        // After a reload the browser host resumes the session, if it is still alive.
        try {
          setPhase({ kind: 'app', user: await call('auth.session', {}) });
        } catch {
          setPhase({ kind: 'login' });
        }
      })
      .catch(() => setPhase({ kind: 'login', notice: t('errors.network') }));
  }, [t]);

  const logout = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined);
    setRelogin((r) => {
      r?.reject(new CallError({ code: 'UNAUTHENTICATED', message: 'errors.auth.required' }));
      return null;
    });
    // The next user starts on the dashboard, not on the page the last one left open.
    window.location.hash = '#/';
    setPhase({ kind: 'login' });
  }, []);

  // A call that finds the session expired waits here until the user has typed the password again.
  useEffect(() => {
    setSessionExpiredHandler(
      (retry) =>
        new Promise<void>((resolve, reject) => {
          setRelogin({ retry, resolve, reject });
        }),
    );
    return () => setSessionExpiredHandler(null);
  }, []);

  // The idle timeout also ends a session while nobody calls anything: notice it and ask for the password.
  useEffect(() => {
    if (phase.kind !== 'app') return;
    const timer = setInterval(() => {
      call('auth.session', {}).catch((err: unknown) => {
        if (err instanceof CallError && err.code === 'UNAUTHENTICATED') {
          setRelogin((current) => current ?? { retry: async () => undefined, resolve: () => undefined, reject: () => undefined });
        }
      });
    }, SESSION_POLL_MS);
    return () => clearInterval(timer);
  }, [phase.kind]);

  const auth = useMemo<Auth | null>(() => {
    if (phase.kind !== 'app') return null;
    const permissions = new Set<Permission>(phase.user.permissions);
    return {
      user: phase.user,
      can: (p) => permissions.has(p),
      logout,
      refresh: async () => setPhase({ kind: 'app', user: await call('auth.session', {}) }),
    };
  }, [phase, logout]);

  if (phase.kind === 'loading') return <Spin fullscreen />;
  if (phase.kind === 'recovery') return <RecoveryScreen status={phase.status} onRestored={() => setPhase({ kind: 'login' })} />;
  if (phase.kind === 'setup') return <SetupPage onDone={(user) => setPhase({ kind: 'app', user })} />;
  if (phase.kind === 'login' || !auth) return <LoginPage notice={phase.kind === 'login' ? phase.notice : undefined} onLoggedIn={(user) => setPhase({ kind: 'app', user })} />;

  return (
    <AuthContext.Provider value={auth}>
      <RouterProvider router={router} />
      {relogin && (
        <ReloginModal
          username={auth.user.username}
          onLogout={() => void logout()}
          onDone={() => {
            const current = relogin;
            setRelogin(null);
            current.retry().then(current.resolve, current.reject);
            void auth.refresh();
          }}
        />
      )}
    </AuthContext.Provider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  dayjs.locale(zh ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = i18n.t('app.name');
  }, [i18n, i18n.language]);
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5fbf', fontFamily: CJK_FONT, borderRadius: 6 } }}
    >
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
