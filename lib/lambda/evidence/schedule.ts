// How often a schedule expression runs, for a backup rule's RPO and a restore testing plan's frequency.
// @see https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html (cron and rate expressions)

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The longest gap between two runs of `cron(...)` or `rate(...)`, in milliseconds, or undefined when
 * the expression cannot be read (the check then says so rather than guessing).
 */
export function scheduleInterval(expression: string | undefined): number | undefined {
  if (!expression) return undefined;
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/.exec(expression.trim());
  if (rate) return Number(rate[1]) * (rate[2].startsWith('minute') ? 60_000 : rate[2].startsWith('hour') ? HOUR : DAY);
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, hour, dom, , dow] = fields;
  if (dom !== '*' && dom !== '?') return 31 * DAY;
  if (dow !== '*' && dow !== '?') {
    const days = dow.split(',').length;
    return days >= 7 ? DAY : Math.ceil(7 / days) * DAY;
  }
  if (hour === '*') return HOUR;
  const step = /^(\d+|\*)\/(\d+)$/.exec(hour);
  if (step) return Number(step[2]) * HOUR;
  if (/^\d+(,\d+)*$/.test(hour)) {
    const hours = [...new Set(hour.split(',').map(Number))].sort((a, b) => a - b);
    let gap = 24 - hours[hours.length - 1] + hours[0];
    for (let i = 1; i < hours.length; i++) gap = Math.max(gap, hours[i] - hours[i - 1]);
    return gap * HOUR;
  }
  return undefined;
}
