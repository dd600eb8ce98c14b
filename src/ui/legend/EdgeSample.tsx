import type { EdgeLook } from '../../graph/palette';

/** A short line in an edge kind's colour, dash and arrow, as the legend's key. */
export function EdgeSample({ look }: { look: EdgeLook }) {
  const dash = look.line === 'dashed' ? '4 3' : look.line === 'dotted' ? '1.5 2.5' : undefined;
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line
        x1="1"
        y1="6"
        x2={look.arrow === 'none' ? 33 : 26}
        y2="6"
        stroke={look.colour}
        strokeWidth={look.width + 0.4}
        strokeDasharray={dash}
      />
      {look.arrow === 'triangle' && (
        <path
          d="M25 2L33 6L25 10Z"
          fill={look.hollow ? 'none' : look.colour}
          stroke={look.colour}
          strokeWidth="1"
        />
      )}
      {look.arrow === 'vee' && <path d="M25 2L33 6L25 10L28 6Z" fill={look.colour} />}
      {look.arrow === 'tee' && <line x1="30" y1="1" x2="30" y2="11" stroke={look.colour} strokeWidth="2.5" />}
      {look.arrow === 'square' && <rect x="26" y="2.5" width="7" height="7" fill={look.colour} />}
    </svg>
  );
}
