import { useEffect } from 'react';
import { areaOfDigit, type AreaId } from './areas';

/**
 * Alt+1..8 jumps to the n-th area, Alt+9 to the last (Organizations). Uses the physical key (event.code) because on macOS
 * Option+digit types a character instead of reporting the digit.
 */
export function useAreaShortcuts(onSelectArea: (area: AreaId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
      const area = match ? areaOfDigit(Number(match[1])) : undefined;
      if (!area) return;
      event.preventDefault();
      if (area.enabled) onSelectArea(area.id);
      // Upcoming areas cannot open; focusing the entry shows (and announces) that.
      document.getElementById(`area-${area.id}`)?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSelectArea]);
}
