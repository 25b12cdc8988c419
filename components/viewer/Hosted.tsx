import { useLayoutEffect, useRef } from 'preact/hooks';

/** Places an element that something else draws into (pdf.js's pages) in the Preact tree. */
export function Hosted({
  element,
  class: className,
  hidden,
}: {
  element: HTMLElement;
  class?: string;
  hidden?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current!.append(element);
    return () => element.remove();
  }, [element]);
  return <div ref={ref} class={className} hidden={hidden} />;
}
