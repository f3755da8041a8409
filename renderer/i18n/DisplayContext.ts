/** The display settings as React context, so a change re-renders every figure and grid that shows money. */
import { createContext, useContext } from 'react';
import type { DisplaySettings } from './settings';

export interface DisplayApi extends DisplaySettings {
  setDisplay(next: Partial<DisplaySettings>): void;
}

export const DisplayContext = createContext<DisplayApi>({
  lang: 'en',
  scale: 'unit',
  setDisplay: () => undefined,
});

export function useDisplay(): DisplayApi {
  return useContext(DisplayContext);
}
