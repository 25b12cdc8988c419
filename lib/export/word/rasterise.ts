// Browser only: an SVG drawn as a PNG, which Word needs beside every SVG image for the word
// processors that cannot draw SVG (and shows when it cannot itself).

/** How many device pixels per CSS pixel the PNG has, so it stays sharp when printed. */
const SCALE = 2;

/** The SVG drawn at `width` × `height` CSS pixels (times SCALE) as the bytes of a PNG. */
export async function rasteriseSvg(
  svg: string,
  width: number,
  height: number,
  doc: Document = globalThis.document,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = doc.createElement('img');
    image.width = width;
    image.height = height;
    image.src = url;
    await image.decode();
    const canvas = new OffscreenCanvas(Math.round(width * SCALE), Math.round(height * SCALE));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw the picture on');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await png.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
