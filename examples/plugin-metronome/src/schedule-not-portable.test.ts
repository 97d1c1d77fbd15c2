import { RuleTester } from '@baton/testing';
import { scheduleNotPortable } from './schedule-not-portable.js';

const job = (cron: string) => ({
  id: '/prod/report',
  kind: 'job' as const,
  sourceKind: 'job',
  job: { schedule: { cron, concurrency: 'allow' as const, enabled: true, pointer: '/schedules/0' }, pointer: '/run/restart' },
});

RuleTester.run(scheduleNotPortable, {
  valid: [
    { workload: job('0 4 1 * *') },
    { workload: job('*/15 8-18 * * mon-fri') },
    { workload: job('0 0,12 1 jan,jul *') },
    { workload: job('@daily') },
    { name: 'a job without a schedule is not checked', workload: { id: '/prod/once', kind: 'job' } },
  ],
  invalid: [
    { workload: job('0 0 4 1 * *'), errors: [{ messageId: 'fields', pointer: '/schedules/0/cron' }] },
    { workload: job('0 4 L * *'), errors: [{ messageId: 'syntax', data: { field: 'L' } }] },
    { workload: job('0 4 ? * MON#2'), errors: [{ messageId: 'syntax', data: { field: '?' } }] },
    { workload: job('CRON_TZ=Europe/Berlin 0 4 * * *'), errors: [{ messageId: 'timeZone' }] },
  ],
});
