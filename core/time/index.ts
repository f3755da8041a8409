export * from './isoDate';
export * from './dayCount';
export * from './schedule';
export * from './businessDay';
export * from './holidayCalendar';
export * from './paymentSchedule';
