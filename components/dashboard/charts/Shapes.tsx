import { FONT, safeColor, TEXT, type Shape } from '../../../lib/charts/scene';

/** A chart's shapes as SVG elements (text as text nodes: stored strings never become markup). */
export function Shapes({ shapes }: { shapes: readonly Shape[] }) {
  return (
    <>
      {shapes.map((s, i) => {
        switch (s.kind) {
          case 'rect':
            return (
              <rect
                key={i}
                x={s.x}
                y={s.y}
                width={Math.max(0, s.w)}
                height={Math.max(0, s.h)}
                rx={s.rx}
                fill={safeColor(s.fill)}
                stroke={s.stroke && safeColor(s.stroke)}
              />
            );
          case 'line':
            return (
              <line
                key={i}
                x1={s.x1}
                y1={s.y1}
                x2={s.x2}
                y2={s.y2}
                stroke={safeColor(s.stroke)}
                stroke-width={s.width ?? 1}
              />
            );
          case 'text':
            return (
              <text
                key={i}
                x={s.x}
                y={s.y}
                text-anchor={s.anchor ?? 'start'}
                font-size={s.size ?? 13}
                font-weight={s.bold ? 'bold' : undefined}
                fill={safeColor(s.fill, TEXT)}
              >
                {s.text}
              </text>
            );
        }
      })}
    </>
  );
}

export const SVG_FONT = FONT;
