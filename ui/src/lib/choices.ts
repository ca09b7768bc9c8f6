// Suggestions offered in form inputs. The store accepts any valid IANA zone or ISO 4217 code;
// these lists only save typing for the places delegations usually go.

/** Time zones of Vietnam and of the markets most trade offices cover. */
export const COMMON_TIME_ZONES = [
  'Asia/Ho_Chi_Minh',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Kuala_Lumpur',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Vientiane',
  'Asia/Phnom_Penh',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Sao_Paulo',
  'UTC',
];

/** Currencies offered for budgets (VND first). */
export const CURRENCIES = ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'CNY', 'SGD', 'GBP', 'AUD', 'THB'];
