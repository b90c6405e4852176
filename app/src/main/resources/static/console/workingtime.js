// Working time between now and a due time, counted on the statutory calendar (GET /api/calendar/{year}): the
// clock runs 24 h on a working day and stands still on other days, as the server counts deadlines.
import { api } from './api.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR; // Asia/Shanghai, +08:00 all year

/** Calendars by year, loading the years around now that are not loaded yet. */
export async function loadCalendars(known = {}) {
  const year = new Date(Date.now() + OFFSET).getUTCFullYear();
  const calendars = { ...known };
  await Promise.all([year - 1, year, year + 1].filter((y) => !calendars[y]).map(async (y) => {
    const c = await api.get(`/api/calendar/${y}`, { quiet: true }).catch(() => null);
    calendars[y] = c ? { holidays: new Set(c.holidays), workdays: new Set(c.workdays), origin: c.origin }
      : { holidays: new Set(), workdays: new Set(), origin: 'NONE' };
  }));
  return calendars;
}

function isWorkingDay(dayStart, calendars) {
  const local = new Date(dayStart + OFFSET);
  const iso = local.toISOString().substring(0, 10);
  const calendar = calendars[local.getUTCFullYear()];
  if (calendar && calendar.workdays.has(iso)) {
    return true;
  }
  if (calendar && calendar.holidays.has(iso)) {
    return false;
  }
  const weekday = local.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Milliseconds of working time from {@code from} to {@code to} (negative when {@code to} is earlier). */
export function workingMillis(from, to, calendars) {
  if (to < from) {
    return -workingMillis(to, from, calendars);
  }
  let total = 0;
  let cursor = from;
  while (cursor < to) {
    const dayStart = Math.floor((cursor + OFFSET) / DAY) * DAY - OFFSET;
    const dayEnd = Math.min(dayStart + DAY, to);
    if (isWorkingDay(dayStart, calendars)) {
      total += dayEnd - cursor;
    }
    cursor = dayEnd;
  }
  return total;
}

function hoursAndMinutes(millis) {
  const minutes = Math.floor(Math.abs(millis) / 60000);
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

/** "剩余 23 小时 10 分（工作时间）" or "已超时 …"; clock hours for clock-hour deadlines. */
export function countdown(dueIso, calendars, clockHours) {
  const now = Date.now();
  const due = new Date(dueIso).getTime();
  const left = clockHours ? due - now : workingMillis(now, due, calendars);
  const unit = clockHours ? '（自然时间）' : '（工作时间）';
  if (due < now) {
    return `已超时 ${hoursAndMinutes(clockHours ? now - due : workingMillis(due, now, calendars))}${unit}`;
  }
  return `剩余 ${hoursAndMinutes(left)}${unit}`;
}

/** Urgent first responses and replies, and follow-ups, run on clock hours; the others on working hours. */
export function isClockDeadline(kind, urgent) {
  return kind === 'FOLLOW_UP' || (urgent && (kind === 'FIRST_RESPONSE' || kind === 'REPLY'));
}
