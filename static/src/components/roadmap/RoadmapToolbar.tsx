import { memo } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { ZOOMS, type Zoom } from './timeScale';

const ZOOM_LABEL: Record<Zoom, string> = { week: 'Week', month: 'Month', quarter: 'Quarter' };

export interface RoadmapToolbarProps {
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** Zoom (a segmented control) and expand / collapse of every row. Memoised: rows arriving do not redraw it. */
export const RoadmapToolbar = memo(function RoadmapToolbar({ zoom, onZoom, onExpandAll, onCollapseAll }: RoadmapToolbarProps) {
  const gap = token('space.050', '4px');
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100', '8px') }}>
      <div role="group" aria-label="Zoom the roadmap" style={{ display: 'flex', alignItems: 'center', gap }}>
        <span style={{ color: token('color.text.subtle', '#44546F') }}>Zoom:</span>
        {ZOOMS.map((option) => (
          <Button
            key={option}
            testId={`roadmap-zoom-${option}`}
            isSelected={option === zoom}
            aria-pressed={option === zoom}
            onClick={() => onZoom(option)}
          >
            {ZOOM_LABEL[option]}
          </Button>
        ))}
      </div>
      <div role="group" aria-label="Rows" style={{ display: 'flex', gap }}>
        <Button testId="roadmap-expand-all" onClick={onExpandAll}>
          Expand all
        </Button>
        <Button testId="roadmap-collapse-all" onClick={onCollapseAll}>
          Collapse all
        </Button>
      </div>
    </div>
  );
});
