import { useCallback } from 'react';
import { useApp } from '../AppContext';
import { keepAction, readKept, type KeptKey } from '../project/kept';

/** Like useState, but the value lives in the project state and survives leaving the screen (see kept.ts). */
export function useKept<T>(key: KeptKey<T>): [T, (value: T) => void] {
  const { state, dispatch } = useApp();
  const set = useCallback((value: T) => dispatch(keepAction(key, value)), [dispatch, key]);
  return [readKept(state.kept, key), set];
}
