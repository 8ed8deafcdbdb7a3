/**
 * The cron dialects of the controllers this product reads:
 * - `robfig-v3`: robfig/cron v3 `ParseStandard`, used by Velero Schedules and
 *   VolSync ReplicationSources: 5 fields (minute first), `?` as `*`, month and
 *   weekday names, descriptors including `@every <duration>`, and an optional
 *   `CRON_TZ=` or `TZ=` prefix.
 * - `robfig-v1`: robfig/cron v1.2.0 `Parse`, used by CloudNativePG
 *   ScheduledBackups: 5 or 6 fields with **seconds first**
 *   (`sec min hour dom month [dow]`), names, `?`, descriptors, no time zone.
 */
export type CronDialect = 'robfig-v3' | 'robfig-v1';

/** Velero's schedule controller parses with robfig/cron v3 `ParseStandard`. */
export const VELERO_CRON_DIALECT: CronDialect = 'robfig-v3';
/** VolSync's ReplicationSource trigger uses robfig/cron v3's standard parser. */
export const VOLSYNC_CRON_DIALECT: CronDialect = 'robfig-v3';
/** CNPG's ScheduledBackup controller and webhook call robfig/cron v1 `cron.Parse`. */
export const CNPG_CRON_DIALECT: CronDialect = 'robfig-v1';

/** A parsed schedule; the expanded fields drive interval and next-run computations. */
export type CronSchedule = {
  expression: string;
  dialect: CronDialect;
  /** The zone of a `CRON_TZ=` prefix; undefined means the controller's own zone (UTC in its image). */
  timeZone?: string;
  /** `@every <duration>`: runs this many seconds after the previous run. */
  everySeconds?: number;
  /** The six-field form, seconds first, with `?` written as `*`. */
  sixFields?: string;
  fields?: {
    seconds: number[];
    minutes: number[];
    hours: number[];
    daysOfMonth: number[];
    months: number[];
    /** 0 (Sunday) to 6. */
    daysOfWeek: number[];
    /**
     * robfig's "star bit": when either day field has it, a day must match
     * both fields; otherwise either field is enough (the classic cron OR).
     */
    dayOfMonthStar: boolean;
    dayOfWeekStar: boolean;
  };
};

/** The result of parsing: a schedule, or why the controller would reject it. */
export type CronParseResult =
  | { ok: true; schedule: CronSchedule }
  | { ok: false; error: string };
