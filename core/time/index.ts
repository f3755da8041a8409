export * from './isoDate';
export * from './dayCount';
export * from './schedule';
