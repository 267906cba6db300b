import { useRef } from 'react';
import { daysOfDrag } from './dateDrag';

interface DayDrag<P extends string> {
  dayWidth: number;
  disabled: boolean;
  /** The element part a drag started on (data-part), or null for the whole. */
  partOf: (target: HTMLElement) => P;
  /** The pointer has moved `days` whole days from where the drag started. */
  onMove: (part: P, days: number) => void;
  /** Released `days` whole days from where it started. */
  onDrop: (part: P, days: number) => void;
  onCancel: () => void;
}

/** Pointer handlers that turn a drag along the timeline into whole days (the element keeps the pointer meanwhile). */
export function useDayDrag<P extends string>({ dayWidth, disabled, partOf, onMove, onDrop, onCancel }: DayDrag<P>) {
  const drag = useRef<{ part: P; x: number; pointerId: number } | null>(null);
  const days = (clientX: number) => (drag.current ? daysOfDrag(clientX - drag.current.x, dayWidth) : 0);
  return {
    dragging: () => drag.current !== null,
    handlers: {
      onPointerDown: (e: React.PointerEvent<HTMLElement>) => {
        if (disabled || e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.focus({ preventScroll: true });
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { part: partOf(e.target as HTMLElement), x: e.clientX, pointerId: e.pointerId };
      },
      onPointerMove: (e: React.PointerEvent<HTMLElement>) => {
        if (drag.current?.pointerId === e.pointerId) onMove(drag.current.part, days(e.clientX));
      },
      onPointerUp: (e: React.PointerEvent<HTMLElement>) => {
        const started = drag.current;
        if (started?.pointerId !== e.pointerId) return;
        const moved = days(e.clientX);
        drag.current = null;
        onDrop(started.part, moved);
      },
      onPointerCancel: () => {
        drag.current = null;
        onCancel();
      },
    },
  };
}
