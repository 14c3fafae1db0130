import { useEffect, useState } from 'react';
import { Typography, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ExportFormat, ExportedFile } from '@shared/grid';
import type { TargetOption } from '@shared/schemas/delivery';
import type { EventPayload } from '@shared/contract';
import { call, onEvent } from '../../api/client';
import { TargetStateTag } from './stateTags';

/**
 * What an export menu offers besides "save as…": one entry per enabled export target (导出目标), each with the
 * formats. The renderer names a target by id only; the backend builds the path.
 */
export function useExportTargets(): TargetOption[] {
  const [targets, setTargets] = useState<TargetOption[]>([]);
  useEffect(() => {
    const load = () =>
      call('delivery.targets.options', {})
        .then(setTargets)
        .catch(() => setTargets([]));
    void load();
    return onEvent('data.changed', (e) => e.entity === 'deliveryTargets' && void load());
  }, []);
  return targets;
}

export interface ExportChoice {
  format: ExportFormat;
  targetId?: number;
}

/** Menu keys: `xlsx`, `csv` (save as…) and `target:<id>:<format>`. */
export function exportChoiceOf(key: string): ExportChoice {
  const m = /^target:(\d+):(xlsx|csv)$/.exec(key);
  return m ? { targetId: Number(m[1]), format: m[2] as ExportFormat } : { format: key as ExportFormat };
}

/**
 * The export menu: with no target it is today's menu; with targets, "保存到…" (a save dialog or a download) and
 * "发送到导出目标" with each target, those that take this register by default first.
 */
export function exportMenuItems(t: TFunction, targets: TargetOption[], register?: string): MenuProps['items'] {
  const save = [
    { key: 'xlsx', label: t('common.exportXlsx') },
    { key: 'csv', label: t('common.exportCsv') },
  ];
  if (targets.length === 0) return save;
  const isDefault = (o: TargetOption) => (register ? o.defaultRegisters.includes(register) : false);
  const ordered = [...targets.filter(isDefault), ...targets.filter((o) => !isDefault(o))];
  return [
    { type: 'group', key: 'save', label: t('delivery.export.saveAs'), children: save },
    {
      type: 'group',
      key: 'targets',
      label: t('delivery.export.sendTo'),
      children: ordered.map((o) => ({
        key: `target:${o.id}`,
        label: (
          <span data-testid={`export-target-${o.id}`}>
            {o.name} {o.state !== 'ok' && <TargetStateTag state={o.state} />}
            {isDefault(o) && <Typography.Text type="secondary"> · {t('delivery.export.defaultTag')}</Typography.Text>}
          </span>
        ),
        children: [
          { key: `target:${o.id}:xlsx`, label: t('delivery.export.xlsx') },
          { key: `target:${o.id}:csv`, label: t('delivery.export.csv') },
        ],
      })),
    },
  ];
}

type JobEvent = EventPayload<'delivery.job'>;

/**
 * Runs an export that goes to a target and reports its first delivery attempt when it is over. Listening starts
 * before the call: a small file may be delivered before the call's answer arrives.
 */
export async function sendToTarget(
  run: () => Promise<ExportedFile>,
  report: { queued(file: ExportedFile): void; delivered(e: JobEvent): void; failed(e: JobEvent): void },
): Promise<void> {
  const seen: JobEvent[] = [];
  let jobId: number | null = null;
  let stop = () => undefined as void;
  const settle = (e: JobEvent) => {
    stop();
    if (e.state === 'delivered') report.delivered(e);
    else report.failed(e);
  };
  stop = onEvent('delivery.job', (e) => {
    if (jobId === null) seen.push(e);
    else if (e.jobId === jobId) settle(e);
  });
  try {
    const file = await run();
    if (!file.delivery) {
      stop();
      return;
    }
    jobId = file.delivery.jobId;
    report.queued(file);
    const early = seen.find((e) => e.jobId === jobId);
    if (early) settle(early);
    // A slow share may take long: stop listening after a while; the jobs page has the outcome.
    else setTimeout(stop, 120_000);
  } catch (err) {
    stop();
    throw err;
  }
}

type Message = { success(text: string): unknown; info(text: string): unknown; warning(text: string, duration?: number): unknown };

/** How an export menu tells the user where the file went: queued, then delivered or why not yet. */
export function deliveryReport(message: Message, t: TFunction): Parameters<typeof sendToTarget>[1] {
  return {
    queued: (file) => void message.info(t('delivery.export.queued', { rows: file.rows, target: file.delivery!.targetName, fileName: file.fileName })),
    delivered: (e) => void message.success(t('delivery.export.delivered', { fileName: e.fileName, target: e.targetName })),
    failed: (e) =>
      void message.warning(t('delivery.export.failed', { fileName: e.fileName, target: e.targetName, reason: t(`delivery.reasons.${e.error ?? 'failed'}`) }), 8),
  };
}

/** The register a grid export channel belongs to (`customers.export` → `customers`), for a target's defaults. */
export function registerOfChannel(channel: string): string | undefined {
  return channel.endsWith('.export') ? channel.slice(0, -'.export'.length) : undefined;
}
